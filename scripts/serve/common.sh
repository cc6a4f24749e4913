# Shared by scripts/serve-screenshots, scripts/validate-openapi and scripts/bench-serve:
# build quotidian, ingest the Examples into a temporary store, start `quotidian serve` on
# loopback and stop it on exit. DB=postgres://… runs them against a PostgreSQL store.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="/opt/swift/usr/bin:$PATH"

CONFIG=${CONFIG:-debug}
PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/quotidian-serve.XXXXXX)
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# build_quotidian: the $CONFIG build of quotidian (SKIP_BUILD=1 uses the one already built).
build_quotidian() {
  if [ -z "${SKIP_BUILD:-}" ]; then swift build -c "$CONFIG" --product quotidian >&2; fi
  BIN=".build/$CONFIG/quotidian"
  [ -x "$BIN" ] || { echo "error: $BIN is missing: build it first" >&2; exit 1; }
}

# ingest_examples [DIR...]: the Examples (or the given inputs) into $WORK/store.sqlite, or
# into the store DB names (e.g. DB=postgres://user@127.0.0.1:5432/empty_database).
ingest_examples() {
  STORE="${DB:-$WORK/store.sqlite}"
  "$BIN" ingest --db "$STORE" "${@:-Examples/articles}" >&2
}

# start_server: serve $STORE on $PORT (with QUOTIDIAN_TOKEN if set) and wait until it answers.
start_server() {
  "$BIN" serve --db "$STORE" --port "$PORT" > "$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if curl -fsS "$BASE/api/v1/status" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/serve.log" >&2; echo "error: serve exited" >&2; exit 1; fi
    sleep 0.1
  done
  echo "error: serve did not answer on $BASE within 10 s" >&2
  exit 1
}

# json_field URL PYTHON-EXPRESSION: evaluates the expression on the JSON at URL (as `d`).
json_field() {
  curl -fsS "$1" | python3 -c "import json,sys,urllib.parse; d=json.load(sys.stdin); print($2)"
}
