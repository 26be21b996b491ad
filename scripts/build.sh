#!/usr/bin/env bash
# Builds the static site into dist/ (any static host or CDN serves it as is).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
echo "The static site is in dist/"
