# Kafka Playground — the two commands of the README, and the steps they are made of.
# Each target installs what is missing first (scripts/setup.sh), skipping what is there.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: serve test setup setup-serve test-native test-browser test-e2e dist bench hunt mutants clean

## make serve — install what is missing, then serve the app at http://127.0.0.1:8080
serve: setup-serve
	trunk serve --offline --address 127.0.0.1 --port 8080

## make test — install what is missing, then run every test layer (native, browser, e2e)
test: setup
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory test-native test-browser test-e2e && \
	echo "all test layers passed in $$(( $$(date +%s) - start )) s"

setup:
	scripts/setup.sh

setup-serve:
	scripts/setup.sh serve

## 1. the model and pure logic, natively. The property tests draw from one fixed seed, so a
## run fails or passes the same way every time: CI turns red for the change it checks, not for
## a case a random seed happened to find. Finding new cases is `make hunt`'s job.
PROPTEST_RNG_SEED ?= 20261130
test-native:
	PROPTEST_RNG_SEED=$(PROPTEST_RNG_SEED) cargo test --workspace

## make hunt [ROUNDS=20] — the native tests again and again, each round with a fresh random
## seed: a harness for finding what the fixed seed does not reach (about 25 s a round here).
## A failure prints its seed; proptest saves the shrunk case in the test's
## *.proptest-regressions file, which every later run replays first: commit it with the fix.
## HUNT_PACKAGES="-p kafka-model" hunts the model alone, without building the app natively.
ROUNDS ?= 20
HUNT_PACKAGES ?= --workspace
hunt:
	@for i in $$(seq 1 $(ROUNDS)); do \
	  seed=$$(od -An -N4 -tu4 /dev/urandom | tr -d ' '); \
	  echo "hunt round $$i of $(ROUNDS): PROPTEST_RNG_SEED=$$seed"; \
	  PROPTEST_RNG_SEED=$$seed cargo test $(HUNT_PACKAGES) -q >/tmp/hunt-$$seed.log 2>&1 || \
	    { grep -E "panicked at|minimal failing input|FAILED" /tmp/hunt-$$seed.log | head -20; \
	      echo "hunt: round $$i failed; rerun it with PROPTEST_RNG_SEED=$$seed make test-native (log: /tmp/hunt-$$seed.log)"; exit 1; }; \
	done; echo "hunt: $(ROUNDS) rounds, no failure"

## make mutants FILE=crates/kafka-model/src/partition.rs — mutation testing of one file of the
## model (a harness, not CI; needs `cargo install --locked cargo-mutants`): cargo-mutants
## changes the file's code one mutant at a time in a copy of the tree and runs the model's
## tests (nextest) on each; a mutant no test catches is a gap in the tests. About 15 s a
## mutant on 2 cores, built without debug info (linking the test binaries with it was 26 of
## a build's 31 s). Results in artifacts/mutants/<file>/mutants.out (missed.txt,
## caught.txt, timeout.txt, unviable.txt). MUTANTS_TIMEOUT is seconds per mutant's tests;
## MUTANTS_FILTER (a nextest filterset) leaves out the snapshot loader's fuzzers, minutes of
## CPU a mutant that only ever catch a panic — MUTANTS_FILTER=all runs everything. One run at
## a time under a shared CARGO_TARGET_DIR: two copies of the workspace build to the same
## artifact names, and one run then tests the other's mutant.
## MUTANTS_ARGS=--iterate re-tests only the mutants the last run of that file did not catch
## (after new tests, to see which survivors they kill).
MUTANTS_JOBS ?= 1
MUTANTS_TIMEOUT ?= 180
MUTANTS_FILTER ?= not (binary(snapshot) & test(/^(random_|many_single_|every_number_)/))
mutants:
	@test -n "$(FILE)" || { echo "usage: make mutants FILE=crates/kafka-model/src/partition.rs"; exit 2; }
	mkdir -p artifacts/mutants/$(subst /,_,$(subst *,all,$(FILE)))
	CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0 \
	cargo mutants --package kafka-model --file '$(FILE)' --jobs $(MUTANTS_JOBS) \
	  --timeout $(MUTANTS_TIMEOUT) --test-tool nextest --no-shuffle \
	  --output artifacts/mutants/$(subst /,_,$(subst *,all,$(FILE))) $(MUTANTS_ARGS) \
	  $(if $(filter all,$(MUTANTS_FILTER)),,-- -E '$(MUTANTS_FILTER)')

## 2. components in real Chromium
test-browser:
	wasm-pack test --headless --chrome --mode no-install --chromedriver $(CHROMEDRIVER)

## 3. the built site driven like a person, screenshots in artifacts/e2e/
test-e2e: dist
	node tests/e2e/run.mjs

## the static site in dist/ (release, wasm-opt -Oz)
## Fails if an f64 is formatted anywhere (the wasm before wasm-opt still names its functions):
## that alone costs about 8 KB gzipped. Write numbers with src/numbers.rs instead.
dist:
	trunk build --release --offline
	@if grep -q float_to_decimal_common $${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/kafka-playground.wasm; then \
	  echo "dist: an f64 is formatted somewhere (format!/to_string); write it with src/numbers.rs (8 KB gzipped)"; exit 1; fi
	@wasm=$$(ls dist/*.wasm); echo "release wasm: $$(stat -c %s $$wasm) bytes raw, $$(gzip -9c $$wasm | wc -c) bytes by gzip -9, $$(node -e "process.stdout.write(String(require('zlib').gzipSync(require('fs').readFileSync('$$wasm'),{level:9}).length))") by zlib level 9 (the e2e guard's measure, 430 KB = 440320)"

## benchmarks (harnesses, not tests): the model natively, then frame times and start-up in Chromium
bench: dist
	cargo bench -p kafka-model --bench end_to_end
	node tests/bench/frames.mjs 100 500 2000
	VIEW=flow node tests/bench/frames.mjs 100 500 2000
	node tests/bench/startup.mjs 7
	node tests/bench/startup.mjs 7 '?embed=1&scene=partitions'

clean:
	cargo clean; rm -rf dist artifacts
