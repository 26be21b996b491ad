#!/usr/bin/env bash
# Smoke test of README command 1 (`bash scripts/serve.sh`) exactly as a new
# user runs it: in a clean clone of the committed tree (no target/, no dist/,
# no ignored files), on a free port. It waits until the page answers, loads
# it in headless Chromium, checks that the four tiers' monthly figures
# appear, then stops the server and everything it started.
#
# First it proves that it can fail: the same clone with a broken Trunk.toml
# (a watch path that does not exist) must be reported as a failed serve.
#
# Reuses the compiled crates through a CARGO_TARGET_DIR outside the clone
# (SMOKE_TARGET_DIR, default: this checkout's target/), so the clone still
# has no ./target of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
limit_s="${SMOKE_TIMEOUT_S:-900}"

work="$(mktemp -d /tmp/planner-smoke.XXXXXX)"
pid=""
stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  pid=""
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

git clone --quiet --no-hardlinks "$root" "$work/clone"
[ ! -e "$work/clone/target" ] && [ ! -e "$work/clone/dist" ] || { echo "smoke: the clone is not clean" >&2; exit 1; }
export CARGO_TARGET_DIR="${SMOKE_TARGET_DIR:-${CARGO_TARGET_DIR:-$root/target}}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Runs README command 1 in the clone (waiting at most $1 seconds); returns 0 once the page shows the
# four tiers' figures, 1 if serve.sh exits, hangs or never shows them.
serve_and_check() {
  local limit="$1" port log
  port="$(free_port)"
  log="$work/serve-$port.log"
  (cd "$work/clone" && PORT="$port" exec setsid bash scripts/serve.sh) >"$log" 2>&1 </dev/null &
  pid=$!
  local started=$SECONDS
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "smoke: serve.sh exited before the page answered; its last lines:"; tail -n 5 "$log" | sed 's/^/  | /'
      pid=""; return 1
    fi
    if [ $((SECONDS - started)) -ge "$limit" ]; then
      echo "smoke: no page on port $port after ${limit} s; last lines:"; tail -n 5 "$log" | sed 's/^/  | /'
      stop_server; return 1
    fi
    sleep 2
  done
  echo "smoke: the page answered on port $port after $((SECONDS - started)) s"
  local ok=0
  node "$root/tests/e2e/smoke-serve.mjs" "http://127.0.0.1:$port/" || ok=1
  stop_server
  return "$ok"
}

echo "smoke: a broken Trunk.toml must fail the smoke test"
cp "$work/clone/Trunk.toml" "$work/Trunk.toml.good"
sed -i 's|^watch = \[|watch = ["no-such-folder", |' "$work/clone/Trunk.toml"
if serve_and_check 120; then
  echo "smoke: FAILED: a serve with a broken Trunk.toml was reported as working" >&2
  exit 1
fi
echo "smoke: the broken serve was caught"
cp "$work/Trunk.toml.good" "$work/clone/Trunk.toml"
rm -rf "$work/clone/dist"

echo "smoke: README command 1 (bash scripts/serve.sh) in a fresh clone"
serve_and_check "$limit_s" || { echo "smoke: FAILED: README command 1 does not serve the planner" >&2; exit 1; }
[ ! -e "$work/clone/target" ] || echo "smoke: note: the clone grew a target/ (CARGO_TARGET_DIR was $CARGO_TARGET_DIR)"
echo "smoke: README command 1 works"
echo "smoke: 2 passed, 0 failed"
