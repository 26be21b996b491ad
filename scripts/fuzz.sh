#!/usr/bin/env bash
# Mutation-fuzzes the three parsers a user can feed (price-sheet CSV, scenario
# JSON, share links) with a million runs each, in a release build. Not part of
# CI (the test suite runs the same fuzzer with 20,000 runs each).
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_RUNS="${FUZZ_RUNS:-1000000}" cargo test --release --offline --test fuzz_parsers -- --nocapture --test-threads=3 2>&1 | grep -E "^fuzz |test result|panicked|FAILED"
