#!/usr/bin/env bash
# Command 2 of the README: install what testing needs, then run every test:
#   1. native: the engine, every price sheet, the charts, the CLI (cargo test)
#   2. in-browser: wasm-bindgen-test in Debian's headless Chromium
#   3. end-to-end: the built site (dist/) served on 127.0.0.1 and driven by
#      playwright-core in Debian's Chromium (never a downloaded browser)
#   4. README command 1: `bash scripts/serve.sh` in a clean clone of the
#      committed tree, on a free port, checked in Chromium (smoke-serve.sh)
# Lint first: rustfmt, and clippy for both targets with warnings as errors
# (the crate denies unwrap/expect outside tests and forbids unsafe).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Debian's Chromium and ChromeDriver.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "test: installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# playwright-core from the npm registry (it downloads no browser).
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "test: installing playwright-core"
  (cd tests/e2e && npm ci --no-audit --no-fund --ignore-scripts)
fi

echo "== lint: rustfmt and clippy (native and wasm32)"
cargo fmt --check
cargo clippy --offline --all-targets -- -D warnings
cargo clippy --offline --target wasm32-unknown-unknown --all-targets -- -D warnings

echo "== 1/4 native tests"
cargo test --offline --all-targets

echo "== 2/4 in-browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --offline --target wasm32-unknown-unknown --test browser

echo "== 3/4 end-to-end tests (built site, headless Chromium)"
trunk build --release --offline
node --test --test-concurrency=1 tests/e2e/

echo "== 4/4 README command 1: bash scripts/serve.sh in a fresh clone"
bash scripts/smoke-serve.sh
