#!/usr/bin/env bash
# One quick measurement of our launcher under the bench's load and scheduling, to try one idea in about a minute:
# the server and wrk each in a session of its own at niceness -10 (as bench/run.sh starts them), start to the first
# 200, then 10 s cold, a warm-up and 10 s steady, each a wrk -t2 -c16 line (BENCH requests=... p99_us=...).
#
#   bench/quick.sh [prism|paynet] [JAVA FLAGS...]   # e.g. bench/quick.sh prism -Dpaynet.mock.requestThreads=8
#                                                   #   or -Dpaynet.mock.reservedThreads=1 (the count before 29fc85c)
#
# JAVA FLAGS go to the launcher (PAYNET_MOCK_JAVA_OPTS). QUICK_WARMUP sets the warm-up seconds (default 15). Paynet
# mode is loaded with a session from its own Auth, as bench/run.sh loads it. Not a replacement for bench/run.sh: no
# Prism, Steady or WireMock beside it, one round. Run it under /tmp/paynet-build.lock when others may build.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODE=${1:-prism}
[[ $MODE == prism || $MODE == paynet ]] || { echo "usage: bench/quick.sh [prism|paynet] [JAVA FLAGS...]" >&2; exit 2; }
shift $(($# > 0 ? 1 : 0))
WARMUP=${QUICK_WARMUP:-15}
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "bench/quick.sh: QUICK_WARMUP '$WARMUP' is not a number of seconds" >&2; exit 2; }
LAUNCHER=mock-server/target/paynet-mock
[[ -x $LAUNCHER ]] || { echo "bench/quick.sh: $LAUNCHER is missing; build it: ./mvnw -q -B -pl mock-server -am package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "bench/quick.sh: wrk is missing (apt-get install wrk)" >&2; exit 2; }
OUT=bench/target/quick
mkdir -p "$OUT"
SPEC=api-spec/openapi.yaml
PATH_=/v1/paynetj/save_card
OWN='echo "$0" >/proc/self/autogroup 2>/dev/null || true; exec nice -n "$0" "$@"'
NICENESS=$([[ $(id -u) == 0 ]] && echo -10 || echo 0)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
node bench/spec-example.js "$SPEC" request "$PATH_" POST withDescription >"$OUT/body.json"
# Before the start, so that no Node start-up falls between the first 200 and the cold load.
node bench/spec-example.js "$SPEC" request /v1/paynetj/auth POST payment >"$OUT/auth.json"

PAYNET_MOCK_JAVA_OPTS="$*" setsid sh -c "$OWN" "$NICENESS" "$LAUNCHER" --port "$PORT" --host 127.0.0.1 \
  --mode "$MODE" --spec "$SPEC" --error-channel http-200 >"$OUT/server.log" 2>&1 </dev/null &
SERVER=$!
trap 'kill -- -"$SERVER" 2>/dev/null || true' EXIT
started=$(date +%s%N)
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$URL$PATH_" -H 'Content-Type: application/json' \
  -H 'Authorization: Basic bench-key' --data-binary @"$OUT/body.json" 2>/dev/null) == 200 ]]; do
  kill -0 "$SERVER" 2>/dev/null || { echo "bench/quick.sh: the mock exited; see $OUT/server.log" >&2; exit 1; }
  sleep 0.01
done
echo "start to first 200: $(( ($(date +%s%N) - started) / 1000000 )) ms ($MODE mode${*:+, $*})"
if [[ $MODE == paynet ]]; then
  session=$(curl -s "$URL/v1/paynetj/auth" -H 'Content-Type: application/json' -H 'Authorization: Basic bench-key' \
    --data-binary @"$OUT/auth.json" \
    | sed -n 's/.*"session_id" *: *"\([^"]*\)".*/\1/p')
  [[ -n $session ]] || { echo "bench/quick.sh: Auth gave no session" >&2; exit 1; }
  sed -E "s|\"session_id\":\"[^\"]*\"|\"session_id\":\"$session\"|" "$OUT/body.json" >"$OUT/body.paynet.json"
  mv "$OUT/body.paynet.json" "$OUT/body.json"
  # As bench/run.sh does: with --error-channel http-200 a rejection is a 200 too, so check that the session is taken.
  accepted=$(curl -s "$URL$PATH_" -H 'Content-Type: application/json' -H 'Authorization: Basic bench-key' \
    --data-binary @"$OUT/body.json")
  [[ $accepted == *'"code":0'* && $accepted == *"$session"* ]] \
    || { echo "bench/quick.sh: save_card did not accept the session from Auth" >&2; exit 1; }
fi
load() {
  BENCH_BODY_FILE=$OUT/body.json setsid sh -c "$OWN" "$NICENESS" wrk -t2 -c16 -d"$1"s -s bench/save_card.lua \
    "$URL$PATH_" </dev/null | grep '^BENCH'
}
echo "cold:   $(load 10)"
load "$WARMUP" >/dev/null
echo "steady: $(load 10)"
