#!/usr/bin/env bash
# Fuzzes the loader (YAML and CSV) and the scoring behind `ecomap rank` with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS]     (default 60; FUZZ_ARGS passes more to libFuzzer)
#
# FUZZ_SEED=N starts libFuzzer's mutations from a fixed seed (with Swift's hashing made deterministic),
# so that two runs of the same code try the same inputs: `.ci/run` uses FUZZ_SEED=1, and a finding
# there is a finding on every run of that commit, not luck. Without it (`make fuzz`) every run starts
# from a fresh seed and explores further.
#
# Builds Fuzz/FuzzLoader.swift with EcomapModel, EcomapText, EcomapLoad, EcomapAnalysis, CSV.swift, ZIPFoundation and libyaml
# (Yams' CYaml) compiled with -sanitize=fuzzer,address into .build/fuzz, seeds a working corpus from
# examples/ and the hostile corpus, and runs for a bounded time. A crash leaves crash-* in
# .build/fuzz/findings/ and fails the script; turn each into a file under
# Tests/EcomapEndToEndTests/Hostile/ (with its expectation) and fix the cause.
#
# Needs clang's libFuzzer runtime (libclang_rt.fuzzer, shipped with the Swift toolchain on Linux).
# Exit 0: no finding; 1: a finding; 3: the fuzzer toolchain is missing (the XCTest
# LoaderMutationTests (EcomapAnalysisTests) run the seeded mutation harness in `swift test`).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
OUT=.build/fuzz
SWIFTC="${SWIFTC:-swiftc}"
CLANG="${CLANG:-$(dirname "$(command -v "$SWIFTC")")/clang}"
RESOURCE="$("$CLANG" -print-resource-dir 2>/dev/null || true)"
if ! ls "$RESOURCE"/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1 && ! ls "$RESOURCE"/lib/*/*/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
    echo "fuzz: no libFuzzer runtime next to $CLANG; skipped (LoaderMutationTests cover the loader in swift test)" >&2
    exit 3
fi
[ -d .build/checkouts/Yams ] && [ -d .build/checkouts/CSV.swift ] && [ -d .build/checkouts/ZIPFoundation ] || swift package resolve >/dev/null
CYAML=.build/checkouts/Yams/Sources/CYaml
mkdir -p "$OUT/obj" "$OUT/modules" "$OUT/findings"

SAN=(-sanitize=fuzzer,address)
ZIPF=.build/checkouts/ZIPFoundation/Sources
COMMON=(-O -g -parse-as-library -I "$OUT/modules" -I "$ZIPF/CZLib" -Xcc -I"$CYAML/include" -Xcc -DYAML_DECLARE_STATIC)
build_module() {  # name swift-version sources...
    local name=$1 version=$2; shift 2
    local extra=()
    [ "$name" = ZIPFoundation ] && extra=(-Xcc -D_GNU_SOURCE=1)  # fopencookie, as its package declares
    "$SWIFTC" "${COMMON[@]}" "${SAN[@]}" "${extra[@]}" -swift-version "$version" -wmo -module-name "$name" \
        -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" -c "$@" -o "$OUT/obj/$name.o"
}

echo "fuzz: building (first build takes a few minutes; log: $OUT/build.log)" >&2
exec 3>&2 2>"$OUT/build.log"
trap 'echo "fuzz: build failed; see $OUT/build.log" >&3' ERR
for c in "$CYAML"/src/*.c; do
    "$CLANG" -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I"$CYAML/include" \
        -c "$c" -o "$OUT/obj/cyaml-$(basename "$c" .c).o"
done
build_module CSV 5 .build/checkouts/CSV.swift/Sources/CSV/*.swift
build_module ZIPFoundation 5 "$ZIPF"/ZIPFoundation/*.swift
build_module EcomapModel 6 Sources/EcomapModel/*.swift
build_module EcomapText 6 Sources/EcomapText/*.swift
build_module EcomapLoad 6 Sources/EcomapLoad/*.swift
build_module EcomapAnalysis 6 Sources/EcomapAnalysis/*.swift
"$SWIFTC" "${COMMON[@]}" "${SAN[@]}" -swift-version 6 -module-name FuzzLoader Fuzz/FuzzLoader.swift \
    "$OUT"/obj/*.o -lz -o "$OUT/fuzz-loader" >&2
exec 2>&3 3>&-
trap - ERR

# Seeds: every example and hostile file (CSV tables behind the `CSV` marker line), plus the
# checked-in regression inputs. The working corpus lives under .build and grows between runs.
mkdir -p "$OUT/corpus"
for f in examples/*.yaml Tests/EcomapEndToEndTests/Hostile/*.yaml Fuzz/regressions/*; do
    [ -f "$f" ] && cp "$f" "$OUT/corpus/seed-$(basename "$f")"
done
for f in examples/*/*.csv Tests/EcomapEndToEndTests/Hostile/*.csv; do
    [ -f "$f" ] && { printf 'CSV\n'; cat "$f"; } > "$OUT/corpus/seed-csv-$(basename "$(dirname "$f")")-$(basename "$f")"
done

echo "fuzz: running for ${SECONDS_TO_RUN}s" >&2
SEED_ARGS=()
if [ -n "${FUZZ_SEED:-}" ]; then
    SEED_ARGS=(-seed="$FUZZ_SEED")
    export SWIFT_DETERMINISTIC_HASHING=1
fi
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" "$OUT/fuzz-loader" "$OUT/corpus" \
    "${SEED_ARGS[@]}" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -dict=Fuzz/yaml.dict -artifact_prefix="$OUT/findings/" -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 \
    | tee "$OUT/last-run.log" | grep -E '^#[0-9]+ *(INITED|DONE)|^stat::|ERROR|SUMMARY|crash|leak|Test unit written' || true
if ls "$OUT"/findings/crash-* "$OUT"/findings/leak-* "$OUT"/findings/timeout-* "$OUT"/findings/oom-* >/dev/null 2>&1; then
    echo "fuzz: FINDINGS in $OUT/findings (log: $OUT/last-run.log)" >&2
    exit 1
fi
grep -q 'Done [0-9]* runs' "$OUT/last-run.log" || { echo "fuzz: the fuzzer did not finish; see $OUT/last-run.log" >&2; exit 1; }
echo "fuzz: no findings" >&2
