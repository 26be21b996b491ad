#!/usr/bin/env bash
# Installs what building the planner needs, idempotently: the wasm32 target,
# Trunk 0.21 and wasm-bindgen-cli at exactly the Cargo.lock version. Every
# tool comes from crates.io; nothing is downloaded from anywhere else.
# Seconds when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

# wasm-bindgen CLI must equal the library version in Cargo.lock.
want_wbg=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have_wbg=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wbg" != "$want_wbg" ]; then
  echo "setup: installing wasm-bindgen-cli $want_wbg (about 2 minutes, once)"
  # Not --locked: its lockfile names a crate release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$want_wbg"
fi

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  echo "setup: installing trunk 0.21 (about 6 minutes, once)"
  cargo install trunk --version "~0.21" --locked
fi

# binaryen's wasm-opt, from the npm registry (the scripts put it on PATH for Trunk;
# a version mismatch fails loudly instead of downloading), and terser, which
# minifies the JS glue in a Trunk hook (tools/minify-glue.mjs).
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/terser ]; then
  echo "setup: installing binaryen (wasm-opt) and terser from npm"
  (cd tools && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

# Fill the local crate cache so the build itself runs --offline.
cargo fetch --quiet
