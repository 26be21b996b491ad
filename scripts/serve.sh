#!/usr/bin/env bash
# Command 1 of the README: install what is missing, then serve the planner
# on http://127.0.0.1:8080 (PORT=NNNN to change it).
#
# A first run installs the tools (it says which and roughly how long: about
# 10 minutes on a new machine) and builds the release site (about 2 minutes);
# later runs serve within seconds. Works in a fresh clone (no target/ or
# dist/) and with CARGO_TARGET_DIR pointing anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

step="checking the tools"
fail() {
  local code=$?
  if [ "$code" = 0 ] || [ "$code" = 130 ] || [ "$code" = 143 ]; then return; fi  # done, Ctrl-C or stopped
  echo >&2
  echo "serve.sh: failed while $step (exit $code). $hint" >&2
}
hint="Run it again: installs resume where they stopped. If it fails the same way, run 'bash scripts/setup.sh' alone to see the step that fails."
trap fail EXIT

step="installing the tools (scripts/setup.sh)"
bash scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

port="${PORT:-8080}"
step="checking port $port"
hint="Another program listens on port $port: stop it, or choose another port, e.g. PORT=8081 bash scripts/serve.sh"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  false
fi

step="building and serving with trunk"
hint="Trunk's own message above says why. 'trunk build --release --offline' alone shows the build's errors; 'cargo fetch' fills the crate cache if it reports a missing crate."
echo
echo "serve.sh: building the release site (about 2 minutes the first time, seconds after), then serving."
echo "The planner will be at  http://127.0.0.1:${port}/  (Ctrl-C stops it)"
echo
trunk serve --release --offline --port "$port" --address 127.0.0.1
