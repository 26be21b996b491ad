#!/usr/bin/env bash
# Command 1 of the README: install what is missing, then serve the planner
# on http://127.0.0.1:8080 (PORT=NNNN to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
port="${PORT:-8080}"
echo
echo "The planner is at  http://127.0.0.1:${port}/  (Ctrl-C stops it)"
echo
exec trunk serve --release --offline --port "$port" --address 127.0.0.1
