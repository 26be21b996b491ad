#!/usr/bin/env bash
# Benchmarks (issue 6): measures and reports, never fails on a slow figure.
# Not part of CI (.ci/run and scripts/test.sh do not call it): timings on a
# shared machine are noise-prone, so they are reported, not gated.
#
#   1. the release site (dist/) and the minimal Leptos page
#      (bench/minimal/dist/), built the same way
#   2. browser figures: tests/e2e/bench.mjs (both pages in one run) and the
#      end-to-end test `speed`, in Debian's headless Chromium
#   3. native engine figures: cargo bench --bench engine (criterion, bench
#      profile: opt-level 3, as native code is built for speed)
#   4. everything as one table: cargo run --example bench_report (criterion's
#      results for the engine, the builds' sizes, the browser figures)
#   5. if twiggy is installed: the largest items of the wasm
#
# The table is also written to $E2E_SHOTS/bench-report.md (default
# /tmp/planner-e2e). docs/speed.md holds the latest figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export E2E_SHOTS="${E2E_SHOTS:-/tmp/planner-e2e}"
mkdir -p "$E2E_SHOTS"

# The browser side needs what scripts/test.sh installs.
if ! command -v chromium >/dev/null; then
  echo "bench: installing Debian's chromium"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "bench: installing playwright-core"
  (cd tests/e2e && npm ci --no-audit --no-fund --ignore-scripts)
fi

echo "== 1/5 release builds: the planner and the minimal Leptos page"
trunk build --release --offline
# The minimal page is its own crate (own [workspace], own Cargo.lock and
# target/); its crates are a subset of the planner's, already in the cache.
(cd bench/minimal && trunk build --release --offline)

echo "== 2/5 browser: tests/e2e/bench.mjs (planner and minimal page, same run)"
node tests/e2e/bench.mjs
echo "== 3/5 browser: the end-to-end test \`speed\` (speed.json)"
node --test --test-concurrency=1 --test-reporter=dot --test-name-pattern='^speed' tests/e2e/planner.test.mjs \
  || echo "bench: the speed test failed; the report shows its figures as not measured if speed.json is missing"

echo "== 4/5 native: cargo bench --bench engine (criterion; bench profile, opt-level 3)"
cargo bench --offline --bench engine

echo "== 5/5 report (engine rows: criterion's results from step 4)"
cargo run --offline --quiet --example bench_report | tee "$E2E_SHOTS/bench-report.md"
echo "bench: the tables are in $E2E_SHOTS/bench-report.md"

# Where the wasm's bytes go, if twiggy is installed (cargo install twiggy).
# The shipped wasm has no names, so this rebuilds it with them: wasm-bindgen
# on cargo's output, then the same wasm-opt settings as index.html plus -g.
# Its code is the shipped code (sizes within 0.5%); only the names are added.
if command -v twiggy >/dev/null; then
  echo "== where the wasm's bytes go (twiggy, names kept)"
  named="$E2E_SHOTS/wasm-named"
  rm -rf "$named" && mkdir -p "$named"
  wasm-bindgen --target web --out-dir "$named" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/planner.wasm"
  wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$named/planner_bg.wasm" -o "$named/planner_named.wasm"
  twiggy top -n 15 "$named/planner_named.wasm" | cut -c1-160
else
  echo "bench: install twiggy (cargo install twiggy, about 2 minutes) to see where the wasm's bytes go"
fi
