#!/usr/bin/env bash
# Soak: MINUTES of a mixed load against the standalone mock (Paynet mode, loopback only), watching memory.
#
#   flock /tmp/paynet-build.lock flock /tmp/paynet-bench.lock bench/soak.sh 10
#
# Load: wrk with bench/soak.lua on SOAK_CONNECTIONS (4) connections, one wrk thread each, so that every connection
# walks its own cycle: Auth, save_card in both branches (with card_desc; without, then the hosted page GET and
# POST), charge and a repeated charge, save_card on the used session, invalid requests (malformed JSON, no key,
# wrong content type, unknown path, missing field, unknown session), Prefer: code=500 and Prefer: example=.
# Every answer's status (and code, where it matters) is checked in the script.
# Faults: alongside, a curl loop sends one request a second with X-Paynet-Mock-Fault (reset, empty, garbage,
# delay=200, html502, and timeout every 15th) and checks that each fails exactly as asked; a mock without the
# header is reported and the faults left out.
#
# Prints RSS every 10 s, then a table: requests, unexpected statuses (no 5xx but the declared 500 that Prefer asks
# for), socket errors of the wrk connections (none expected: faults go over their own connections), faults, and
# whether memory is flat (every sample of the last minute within 10 % of the second minute's mean; needs 3 minutes
# or more). Exits 1 when any check fails, 2 on a usage or start-up error.
# Settings: SOAK_CONNECTIONS (4), SOAK_JAVA_OPTS (-Xmx256m with the jar; added to the launcher's flags), SOAK_JAR (the launcher mock-server/target/paynet-mock
# when it exists, else mock-server/target/paynet-mock-server.jar; built when missing: the caller holds the build lock).
set -euo pipefail

MINUTES=${1:-}
if [[ ! $MINUTES =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/soak.sh MINUTES   (e.g. 10)" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CONNECTIONS=${SOAK_CONNECTIONS:-4}
JAVA_OPTS=${SOAK_JAVA_OPTS:--Xmx256m}   # for the jar (SOAK_JAR=...jar); the launcher keeps its flags and adds these
OUT=$ROOT/bench/target/soak
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "bench/soak.sh: wrk is missing (apt-get install wrk)" >&2; exit 2; }

JAR=${SOAK_JAR:-}
if [[ -z $JAR ]]; then
  if [[ -x mock-server/target/paynet-mock ]]; then JAR=mock-server/target/paynet-mock
  else JAR=mock-server/target/paynet-mock-server.jar; fi
fi
if [[ ! -e $JAR ]]; then
  # Not under a flock of its own: the caller holds /tmp/paynet-build.lock (above), and a second flock would wait for it.
  echo "building the mock ..."
  ./mvnw -B -q -pl mock-server -am package -DskipTests >"$OUT/build.log" 2>&1 \
    || { echo "bench/soak.sh: the build failed; see $OUT/build.log" >&2; exit 2; }
fi

# Run in place: the launcher's AppCDS archive serves the jar at its build path only (a copy starts without it), so
# run the soak under /tmp/paynet-build.lock (the usage line above), as bench/run.sh is run: no rebuild replaces it.
if [[ $JAR == *.jar ]]; then
  # shellcheck disable=SC2086 # JAVA_OPTS holds several flags
  setsid java $JAVA_OPTS -jar "$JAR" --port 0 >"$OUT/mock.log" 2>&1 &
else
  PAYNET_MOCK_JAVA_OPTS=${SOAK_JAVA_OPTS:-} setsid "$JAR" --port 0 >"$OUT/mock.log" 2>&1 &
  JAVA_OPTS="the launcher's flags${SOAK_JAVA_OPTS:+ plus $SOAK_JAVA_OPTS}"
fi
MOCK=$!
FAULTS=
cleanup() {
  [[ -n $FAULTS ]] && kill "$FAULTS" 2>/dev/null || true
  kill -- -"$MOCK" 2>/dev/null || kill "$MOCK" 2>/dev/null || true
}
trap cleanup EXIT
URL=
for _ in $(seq 1 300); do
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$OUT/mock.log" | head -1 || true)
  [[ -n $URL ]] && break
  kill -0 "$MOCK" 2>/dev/null || break
  sleep 0.1
done
if [[ -z $URL ]]; then
  echo "bench/soak.sh: the mock did not start; see $OUT/mock.log" >&2
  exit 2
fi
# The JVM's pid (a launcher script may stand between).
JVM=$(pgrep -s "$MOCK" java | head -1 || true)
JVM=${JVM:-$MOCK}
echo "mock $JAR (pid $JVM, $JAVA_OPTS) on $URL; ${MINUTES} min, $CONNECTIONS connections"

KEY='Authorization: Basic soak-key'
BODY='{"session_id":"js_soak_fault","card_desc":"x"}'
fault_probe=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$URL/v1/paynetj/save_card" -H "$KEY" \
  -H 'Content-Type: application/json' -d "$BODY" -H 'X-Paynet-Mock-Fault: html502' || true)
if [[ $fault_probe == 502 ]]; then
  faults_supported=1
else
  faults_supported=0
  echo "this mock ignores X-Paynet-Mock-Fault (html502 gave $fault_probe): faults left out"
fi

# One fault a second, each checked: the connection fails (reset, empty, garbage), the answer is late (delay), a 502
# (html502), or the client gives up (timeout). Counts go to $OUT/faults: sent expected unexpected.
run_faults() {
  local sent=0 expected=0 unexpected=0 i=0 fault code rc start elapsed
  local rotation=(reset empty garbage delay=200 html502)
  while true; do
    i=$((i + 1))
    if ((i % 15 == 0)); then fault=timeout; else fault=${rotation[$((i % ${#rotation[@]}))]}; fi
    start=$(date +%s%N)
    rc=0
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$URL/v1/paynetj/save_card" -H "$KEY" \
      -H 'Content-Type: application/json' -d "$BODY" -H "X-Paynet-Mock-Fault: $fault") || rc=$?
    elapsed=$((($(date +%s%N) - start) / 1000000))
    sent=$((sent + 1))
    case $fault in
      reset | empty | garbage) [[ $rc != 0 && $code == 000 ]] ;;
      delay=200) [[ $rc == 0 && $code == 400 && $elapsed -ge 200 ]] ;;
      html502) [[ $rc == 0 && $code == 502 ]] ;;
      timeout) [[ $rc == 28 ]] ;;
    esac && expected=$((expected + 1)) || {
      unexpected=$((unexpected + 1))
      echo "fault $fault: curl exit $rc, status $code, ${elapsed} ms" >>"$OUT/faults.log"
    }
    echo "$sent $expected $unexpected" >"$OUT/faults"
    sleep 1
  done
}
rm -f "$OUT/faults" "$OUT/faults.log"
if [[ $faults_supported == 1 ]]; then
  run_faults &
  FAULTS=$!
fi

DURATION=$((MINUTES * 60))
wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/soak.lua "$URL" >"$OUT/wrk.out" 2>&1 &
WRK=$!
rss=()
for ((t = 10; t <= DURATION; t += 10)); do
  sleep 10
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$JVM/status" 2>/dev/null || echo 0)
  rss+=($((kb / 1024)))
  printf '  t=%4ds  rss=%4d MiB  faults(sent expected unexpected)=%s\n' "$t" "$((kb / 1024))" \
    "$(cat "$OUT/faults" 2>/dev/null || echo '-')"
done
wait "$WRK" || true
[[ -n $FAULTS ]] && kill "$FAULTS" 2>/dev/null || true
FAULTS=
alive=$(kill -0 "$JVM" 2>/dev/null && echo yes || echo no)

line=$(grep '^SOAK requests=' "$OUT/wrk.out" || true)
if [[ -z $line ]]; then
  echo "bench/soak.sh: wrk gave no result; see $OUT/wrk.out" >&2
  cat "$OUT/wrk.out" >&2
  exit 1
fi
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
requests=$(field requests)
read -r f_sent f_expected f_unexpected < <(cat "$OUT/faults" 2>/dev/null || echo "0 0 0")

flat="n/a (needs 3 minutes)"
flat_ok=1
if ((${#rss[@]} >= 18)); then
  second=("${rss[@]:6:6}")
  last=("${rss[@]: -6}")
  mean=$(printf '%s\n' "${second[@]}" | awk '{s += $1} END {printf "%.0f", s / NR}')
  lo=$(printf '%s\n' "${last[@]}" | sort -n | head -1)
  hi=$(printf '%s\n' "${last[@]}" | sort -n | tail -1)
  if awk -v m="$mean" -v lo="$lo" -v hi="$hi" 'BEGIN {exit !(lo >= 0.9 * m && hi <= 1.1 * m)}'; then
    flat="yes: last minute $lo-$hi MiB, second minute mean $mean MiB"
  else
    flat="NO: last minute $lo-$hi MiB, second minute mean $mean MiB (more than 10 % apart)"
    flat_ok=0
  fi
fi

errors=$(($(field unexpected_status) + $(field unexpected_5xx) + $(field wrong_body) + $(field socket_errors) + f_unexpected))
echo
echo "Soak, ${MINUTES} min ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $CONNECTIONS connections, $JAVA_OPTS):"
echo
echo "| measure | value |"
echo "|---|---|"
echo "| requests (wrk, checked) | $requests ($(field checked) checked), $((requests / DURATION)) req/s |"
echo "| latency p50 / p99 | $(($(field p50_us) / 1000)).$(($(field p50_us) % 1000 / 100)) ms / $(($(field p99_us) / 1000)).$(($(field p99_us) % 1000 / 100)) ms |"
echo "| unexpected statuses (4xx/2xx) | $(field unexpected_status) |"
echo "| unexpected 5xx | $(field unexpected_5xx) |"
echo "| answers without the expected code | $(field wrong_body) |"
echo "| socket errors (connect/read/write/timeout) | $(field socket_errors) ($(field connect)/$(field read)/$(field write)/$(field timeout)) |"
if [[ $faults_supported == 1 ]]; then
  echo "| faults sent / failed as asked / otherwise | $f_sent / $f_expected / $f_unexpected |"
else
  echo "| faults | left out: the mock ignores X-Paynet-Mock-Fault |"
fi
echo "| RSS every 10 s (MiB) | ${rss[*]} |"
echo "| memory flat | $flat |"
echo "| mock alive at the end | $alive |"
grep '^SOAK first_problem=' "$OUT/wrk.out" || true
[[ -s $OUT/faults.log ]] && head -5 "$OUT/faults.log"
if ((errors > 0)) || [[ $flat_ok == 0 || $alive == no ]]; then
  exit 1
fi
