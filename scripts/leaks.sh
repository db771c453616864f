#!/usr/bin/env bash
# `make leaks`: runs the render path (every output format, grouped and ungrouped), and the loader and
# scoring on examples, hostile input and a file read in two halves, under valgrind.
# Fails on any invalid read/write or any definite leak that is not one of the one-time library
# caches listed in scripts/valgrind-graphviz.supp.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
bin=${ECOMAP_BIN:-.build/debug/ecomap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind 3.19 cannot read the DWARF 5 debug info Swift 6 writes: run a copy without it
# (symbol names stay, so reports still name the functions).
objcopy --strip-debug "$bin" "$work/ecomap"
run() {
  echo "valgrind: ecomap $*"
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --error-exitcode=99 --num-callers=40 --suppressions=scripts/valgrind-graphviz.supp \
    "$work/ecomap" "$@" 2>"$work/valgrind.log" && return 0
  status=$?
  # Exit 1 is ecomap rejecting invalid input (expected for hostile files); 99 is valgrind's verdict.
  if [ "$status" -ne 1 ] || grep -q "ERROR SUMMARY: [1-9]\|definitely lost" "$work/valgrind.log"; then
    cat "$work/valgrind.log" >&2; echo "error: valgrind found problems (exit $status)" >&2; exit 1
  fi
}
for format in svg png pdf dot json; do
  run render examples/alpha-moms.yaml -o "$work/map.$format"
done
run render examples/fietsvrienden.yaml -o "$work/grouped.svg"
run render examples/alpha-moms.yaml --aspect 16:9 --theme dark -o "$work/wide.svg"
# The slide view, the strategy matrix and the deck (scene to PPTX, PNG fallback through librsvg).
run render examples/alpha-moms.yaml --slide -o "$work/slide.png"
run render examples/alpha-moms-2027q1.yaml --view matrix -o "$work/matrix.svg"
run deck examples/fietsvrienden.yaml --editable -o "$work/deck.pptx"
# The loader and the scoring (validate, rank) on the examples and on hostile input: alias bombs,
# deep nesting, broken encodings, syntax errors, markup, extreme counts, a CSV pair.
hostile=Tests/EcomapEndToEndTests/Hostile
for input in examples/alpha-moms.yaml examples/alpha-moms-csv/nodes.csv "$hostile"/billion-laughs.yaml \
    "$hostile"/deep-nesting-flow-sequence.yaml "$hostile"/invalid-utf8-truncated.yaml "$hostile"/tag-python-object.yaml \
    "$hostile"/syntax-unterminated-quote.yaml "$hostile"/dangling-link.yaml "$hostile"/csv-unterminated-quote.csv; do
  run validate "$input" >/dev/null
done
for input in examples/fietsvrienden.yaml "$hostile"/names-markup.yaml "$hostile"/counts-at-limit.yaml \
    "$hostile"/weight-subnormal.yaml "$hostile"/id-nfd-reference.yaml; do
  run rank "$input" --format json --explain --sensitivity --trials 20 >/dev/null
done
# A file large enough to be read in two halves on two threads.
"$work/ecomap" generate --communities 5000 --influencers 500 --seed 3 -o "$work/large.yaml"
ECOMAP_LOAD_THREADS=2 run validate "$work/large.yaml" >/dev/null
echo "leaks: no invalid accesses, no definite leaks from ecomap"
