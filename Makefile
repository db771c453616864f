# ecomap — see README.md. `make demo` and `make test` are the quick start.
SWIFT ?= swift
BIN := .build/debug/ecomap
EXAMPLE := examples/alpha-moms.yaml

.PHONY: all deps build demo test browser-test accept bench bench-slide leaks fuzz clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	$(BIN) validate $(EXAMPLE)
	$(BIN) render $(EXAMPLE) -o alpha-moms.svg
	$(BIN) report $(EXAMPLE) -o alpha-moms.html
	$(BIN) rank $(EXAMPLE)

# The browser test runs first so that XCTest's summary is the run's closing line.
test: build
	bash scripts/install-deps.sh --test
	@$(MAKE) --no-print-directory browser-test
	$(SWIFT) test --disable-swift-testing

# The HTML report in headless Chromium (Tests/Browser/report_test.py). Needs Debian's chromium and
# chromium-driver and PyPI's selenium (`scripts/install-deps.sh --test` installs them); a missing
# browser fails the test rather than skipping it.
browser-test: build
	@command -v python3 >/dev/null 2>&1 || { echo "browser test FAILED: python3 is not installed" >&2; exit 1; }; \
	python3 Tests/Browser/report_test.py --ecomap $(BIN); rc=$$?; \
	if [ $$rc -eq 77 ]; then echo "browser test FAILED: no browser (install with: bash scripts/install-deps.sh --test)" >&2; exit 1; fi; \
	exit $$rc

# Regenerate golden files after an intended output change (review the diff!).
accept: build
	ECOMAP_ACCEPT=1 $(SWIFT) test --disable-swift-testing

# The render path under valgrind: no invalid accesses, no definite leaks (see scripts/leaks.sh).
leaks: build
	bash scripts/leaks.sh

# Benchmarks (not part of `make test`): release build, stage timings per size, every goal against
# its baseline measured in the same run; figures go to docs/performance.md. BENCH_QUICK=1 skips the
# slowest baselines; BENCH_ONLY=load runs only the loader goals (20,000 communities against PyYAML and
# libyaml's own event scan, with callgrind instruction counts).
bench: deps
	bash scripts/bench.sh

# Only the slide view's section of the benchmark (render --slide at 2k, 20k and 100k communities).
bench-slide: deps
	bash scripts/bench.sh slide

# Fuzz the loader and scoring with libFuzzer + AddressSanitizer (FUZZ_SECONDS, default 60).
fuzz:
	bash scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)

clean:
	rm -rf .build
