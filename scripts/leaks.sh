#!/usr/bin/env bash
# `make leaks`: runs the render path (every output format, grouped and ungrouped) under valgrind.
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
    "$work/ecomap" "$@" 2>"$work/valgrind.log" || { cat "$work/valgrind.log" >&2; echo "error: valgrind found problems" >&2; exit 1; }
}
for format in svg png pdf dot json; do
  run render examples/alpha-moms.yaml -o "$work/map.$format"
done
run render examples/fietsvrienden.yaml -o "$work/grouped.svg"
run render examples/alpha-moms.yaml --aspect 16:9 --theme dark -o "$work/wide.svg"
echo "leaks: no invalid accesses, no definite leaks from ecomap"
