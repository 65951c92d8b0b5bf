#!/usr/bin/env bash
# Benchmark: paynet-mock-server (Prism mode, and Paynet mode) vs Stoplight Prism 5.14.2 vs Steady 0.22.2 vs a plain
# WireMock stub (the engine's ceiling), on the same spec, in the same run, on 127.0.0.1; the goals of issue 11.
#
#   bench/run.sh                                        # all five; about 10 minutes
#   BENCH_TARGETS="ours prism steady" bench/run.sh      # a subset
#
# Our mock runs as documented: the launcher mock-server/target/paynet-mock the build writes (its JVM flags and AppCDS
# archive). Each server is started BENCH_STARTS times alone (start to first 200 is the median); the last start stays
# up and is loaded at once for BENCH_COLD seconds (the cold figure: the first seconds after the first 200). Then each
# gets a warm-up, and wrk loads them in turn for BENCH_ROUNDS rounds (the steady figure is the median round):
# interleaving keeps a burst of other work on a shared machine from landing on one server only. Last, the memory
# checks and the in-JVM start of the JUnit extension (bench/junit-start.sh).
#
# Settings (environment): BENCH_TARGETS ("ours paynet prism steady wiremock"), BENCH_STARTS (3), BENCH_COLD (10 s),
# BENCH_WARMUP (30 s), BENCH_ROUNDS (3), BENCH_DURATION (15 s per round), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
# BENCH_LONG_REQUESTS (200000 requests for the memory check of our mock; 0 skips it), BENCH_AUTH_FLOOD_SECONDS (20),
# BENCH_JAVA_OPTS (JVM flags of the plain WireMock; default: the launcher's), BENCH_OURS_JAVA_OPTS (flags added to our
# launcher's, through its PAYNET_MOCK_JAVA_OPTS, to measure an idea against the documented launch), BENCH_WIREMOCK_ARGS
# (the plain WireMock's thread flags; "" for WireMock's defaults), BENCH_QUIET_WAIT (20 s at most spent
# waiting for idle CPUs before each run), BENCH_NICE (-10 as root, else 0), BENCH_SPEC (api-spec/openapi.yaml).
# Results: stdout and bench/target/results.md; logs in bench/target/logs.
# Not part of the build or CI (CI has 2 cores and is judged on time). See docs/bench.md.
set -euo pipefail

SPEC=${BENCH_SPEC:-api-spec/openapi.yaml}
[[ $SPEC == /* || -z ${BENCH_SPEC:-} ]] || SPEC=$PWD/$SPEC
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TARGETS=${BENCH_TARGETS:-ours paynet prism steady wiremock}
STARTS=${BENCH_STARTS:-3}
COLD=${BENCH_COLD:-10}
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
LONG_REQUESTS=${BENCH_LONG_REQUESTS:-200000}
LONG_MAX_SECONDS=300
QUIET_WAIT_SECONDS=${BENCH_QUIET_WAIT:-20}
NICENESS=${BENCH_NICE:-$([[ $(id -u) == 0 ]] && echo -10 || echo 0)}
# Runs "$@" in a new session with niceness $0. Linux autogroups make niceness count only within a
# session, so the new session's autogroup gets the niceness as well (where autogroups exist).
# shellcheck disable=SC2016 # expanded by sh, not here
IN_OWN_SESSION='echo "$0" >/proc/self/autogroup 2>/dev/null || true; exec nice -n "$0" "$@"'
STARTUP_TIMEOUT_SECONDS=120
# The launcher's JVM flags, from the property the build writes into it.
LAUNCHER_FLAGS=$(sed -n 's:.*<mock.launcher.flags>\(.*\)</mock.launcher.flags>.*:\1:p' mock-server/pom.xml)
JAVA_OPTS=${BENCH_JAVA_OPTS:-$LAUNCHER_FLAGS}
OURS_JAVA_OPTS=${BENCH_OURS_JAVA_OPTS:-}
# The plain WireMock gets our mock's request threads (one per core plus one, at least 3) and its one acceptor; its
# selectors stay at WireMock's 2, which no flag changes, so its pool is 3 threads larger. BENCH_WIREMOCK_ARGS=""
# measures its defaults.
WIREMOCK_ARGS=${BENCH_WIREMOCK_ARGS-"--container-threads $((3 + ($(nproc) + 1 > 3 ? $(nproc) + 1 : 3))) --jetty-acceptor-threads 1"}
API_PATH=/v1/paynetj/save_card
REQUEST_EXAMPLE=withDescription
AUTH_PATH=/v1/paynetj/auth
AUTH_EXAMPLE=payment
# Paynet mode is loaded with save_card on a session from its own Auth (the example's session is unknown to it).
PAYNET_BODY_FILE=bench/target/request-body-paynet.json
AUTH_BODY_FILE=bench/target/request-body-auth.json
# Auth calls of the memory check of Paynet mode: far more sessions than it keeps (10 000 by default).
AUTH_FLOOD_SECONDS=${BENCH_AUTH_FLOOD_SECONDS:-20}
OUR_BUILD=mock-server/target
OUR_JAR=$OUR_BUILD/paynet-mock-server.jar
PRISM_DIR=conformance-tests/prism
PRISM=$PRISM_DIR/node_modules/.bin/prism
STEADY_DIR=bench/steady
STEADY=$STEADY_DIR/node_modules/.bin/steady
WIREMOCK_VERSION=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
OUT=bench/target
LOGS=$OUT/logs
BODY_FILE=$OUT/request-body.json
# All servers read one snapshot of the spec: an edit during the run (Prism reloads on
# change) cannot make them answer from different documents.
SPEC_COPY=$OUT/openapi.yaml
WIREMOCK_JAR=$OUT/wiremock-standalone-$WIREMOCK_VERSION.jar
# Our launcher runs where the build wrote it: the AppCDS archive only serves the jar at the path it was made for (a
# copy elsewhere starts without it). Hold the build lock for the whole run, so that no rebuild replaces the jar.
LAUNCHER=$OUR_BUILD/paynet-mock
LUA=bench/save_card.lua
TICKS_PER_SECOND=$(getconf CLK_TCK)
# Goals of issue 11 (and issue 9's share of Paynet mode).
COLD_PRISM_TARGET=6
COLD_STEADY_TARGET=1.0
STEADY_CEILING_TARGET=0.95
STEADY_STEADY_TARGET=2
P99_TARGET_MS=5
SPREAD_TARGET_PERCENT=15
START_TARGET_MS=1000
RSS_TARGET_MIB=200
JUNIT_FIRST_TARGET_MS=800
JUNIT_LATER_TARGET_MS=100
PAYNET_TARGET=0.8
# Our live heap may grow this much over the long run and still count as bounded: a per-request
# leak (an unbounded request journal, say) over 200k requests is far larger.
LIVE_HEAP_GROWTH_LIMIT_KIB=$((16 * 1024))

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

if [[ -n ${CI:-} && -z ${BENCH_ALLOW_CI:-} ]]; then
  log "CI is set: the benchmark does not run in CI (set BENCH_ALLOW_CI=1 to force it)."
  exit 0
fi
for target in $TARGETS; do
  [[ $target =~ ^(ours|paynet|prism|steady|wiremock)$ ]] ||
    die "unknown target '$target' in BENCH_TARGETS (use ours, paynet, prism, steady, wiremock)"
done
for number in "$STARTS" "$COLD" "$ROUNDS" "$DURATION" "$WARMUP" "$CONNECTIONS" "$THREADS" "$LONG_REQUESTS" \
  "$QUIET_WAIT_SECONDS" "$AUTH_FLOOD_SECONDS"; do
  [[ $number =~ ^[0-9]+$ ]] || die "'$number' is not a whole number (check the BENCH_* settings)"
done
[[ $NICENESS =~ ^-?[0-9]+$ ]] || die "BENCH_NICE '$NICENESS' is not a niceness (-20 to 19)"
((NICENESS >= 0 || $(id -u) == 0)) || die "a negative BENCH_NICE needs root"
((ROUNDS >= 1 && DURATION >= 1 && STARTS >= 1 && COLD >= 1)) ||
  die "BENCH_ROUNDS, BENCH_DURATION, BENCH_STARTS and BENCH_COLD must be at least 1"
[[ -f $SPEC ]] || die "spec file $SPEC not found"
[[ -n $WIREMOCK_VERSION ]] || die "no <wiremock.version> property in pom.xml"
[[ -n $LAUNCHER_FLAGS ]] || die "no <mock.launcher.flags> property in mock-server/pom.xml"
mkdir -p "$LOGS"

# ---------------------------------------------------------------- the processes we start
declare -A PID URL STARTUP COMMAND

stop_server() {
  local pid=$1 tries
  kill -0 "$pid" 2>/dev/null || return 0
  # Each server leads its own session and process group (setsid), so this also ends Prism's
  # forked child (and Steady's binary under its Node shim), and nothing else.
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((tries = 0; tries < 100; tries++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "process $pid ignored SIGTERM for 10 s; killing it"
  kill -KILL -- "-$pid" 2>/dev/null || true
}

WRK_PID=''
stop_all() {
  local name
  [[ -z $WRK_PID ]] || stop_server "$WRK_PID"
  for name in "${!PID[@]}"; do stop_server "${PID[$name]}"; done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools and inputs
ensure_tools() {
  local tool
  for tool in curl node java javac jcmd ss setsid; do
    command -v "$tool" >/dev/null || die "'$tool' is required"
  done
  if ! command -v wrk >/dev/null; then
    [[ $(id -u) == 0 ]] || die "wrk is missing; install it with: sudo apt-get install -y wrk"
    log "installing wrk from Debian"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  fi
}

ensure_prism() {
  if [[ ! -x $PRISM ]]; then
    log "installing Prism (npm ci in $PRISM_DIR)"
    (cd "$PRISM_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_steady() {
  if [[ ! -x $STEADY ]]; then
    log "installing Steady (npm ci in $STEADY_DIR)"
    (cd "$STEADY_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

OUR_COPIED=''
ensure_our_launcher() {
  [[ -z $OUR_COPIED ]] || return 0
  if [[ ! -x $OUR_BUILD/paynet-mock || ! -f $OUR_JAR ]]; then
    log "building $OUR_JAR and the launcher $OUR_BUILD/paynet-mock"
    ./mvnw -q -B -pl mock-server -am package -DskipTests
  fi
  [[ -x $OUR_BUILD/paynet-mock && -f $OUR_JAR ]] || die "the build did not produce $OUR_JAR and $OUR_BUILD/paynet-mock"
  [[ -f $OUR_BUILD/paynet-mock.jsa ]] || log "WARNING: no AppCDS archive $OUR_BUILD/paynet-mock.jsa; measuring without it"
  if [[ -n $(find mock-server/src/main api-spec/src/main -newer "$OUR_JAR" -type f -print -quit 2>/dev/null) ]]; then
    log "WARNING: $OUR_JAR is older than its sources; measuring it anyway (rebuild: ./mvnw -q -B -pl mock-server -am package -DskipTests)"
  fi
  OUR_COPIED=1
}

ensure_wiremock() {
  if [[ ! -f $WIREMOCK_JAR ]]; then
    log "fetching wiremock-standalone $WIREMOCK_VERSION with Maven"
    ./mvnw -q -B -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" "-DoutputDirectory=$OUT"
  fi
  [[ -f $WIREMOCK_JAR ]] || die "could not fetch $WIREMOCK_JAR"
}

spec_example() { node bench/spec-example.js "$SPEC_COPY" "$@"; }

# The plain stub: one static mapping answering the spec's first 200 example, read from the spec now.
write_wiremock_mapping() {
  local response_body
  response_body=$(spec_example response "$API_PATH" POST 200)
  mkdir -p "$OUT/wiremock-root/mappings"
  node -e '
    const [url, body] = process.argv.slice(1);
    process.stdout.write(JSON.stringify({
      request: { method: "POST", url },
      response: { status: 200, headers: { "Content-Type": "application/json" }, body },
    }, null, 2));' "$API_PATH" "$response_body" >"$OUT/wiremock-root/mappings/save_card.json"
}

free_port() {
  local port tries
  for ((tries = 0; tries < 50; tries++)); do
    port=$((20000 + RANDOM % 20000))
    if [[ -z $(ss -Htln "sport = :$port") ]]; then
      echo "$port"
      return
    fi
  done
  die "no free port found between 20000 and 40000"
}

# ---------------------------------------------------------------- CPU and memory of a server
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The pids of a server's session: Prism in production mode forks its HTTP server from the CLI
# process, and both belong to Prism's footprint.
session_pids() { ps -o pid= -s "$1" || true; }

machine_busy_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

session_ticks() {
  local pid total=0 ticks
  for pid in $(session_pids "$1"); do
    # After the ")" that ends the command name, utime and stime are the 12th and 13th fields.
    ticks=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }' || true)
    total=$((total + ${ticks:-0}))
  done
  echo "$total"
}

# session_kib PID FIELD -> the /proc/PID/status FIELD (VmHWM, VmRSS) summed over the session, KiB.
session_kib() {
  local field=$2 pid total=0 value
  for pid in $(session_pids "$1"); do
    value=$(awk -v f="$field:" '$1 == f { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

# Live heap of a JVM in KiB: the class histogram forces a full GC and totals what survives it.
live_heap_kib() {
  jcmd "$1" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { printf "%d\n", $3 / 1024 }'
}

# Other engineers' builds may share this machine: wait (bounded) until the CPUs are nearly idle.
wait_for_quiet_machine() {
  local deadline before busy_percent
  deadline=$(($(now_ms) + QUIET_WAIT_SECONDS * 1000))
  while :; do
    before=$(machine_busy_ticks)
    sleep 2
    busy_percent=$((($(machine_busy_ticks) - before) * 100 / (2 * TICKS_PER_SECOND * $(nproc))))
    ((busy_percent < 10)) && return
    if (($(now_ms) >= deadline)); then
      log "the CPUs are still ${busy_percent}% busy after ${QUIET_WAIT_SECONDS} s; measuring anyway (see 'other CPU %')"
      return
    fi
    log "the CPUs are ${busy_percent}% busy with other work; waiting for a quiet moment"
  done
}

# ---------------------------------------------------------------- start-up
# post URL [curl args...] -> HTTP status of one save_card call with the benchmark's body.
post() {
  local url=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST -H 'Content-Type: application/json' \
    "$@" --data-binary "@$BODY_FILE" "$url" || true
}

# start_once NAME COMMAND... : starts COMMAND (listening on $PORT) in its own session, logging to
# bench/target/logs, and times it from process start to the first 200 (polled every 10 ms); sets PID and LAST_START.
LAST_START=''
start_once() {
  local name=$1 started deadline
  shift
  wait_for_quiet_machine
  URL[$name]="http://127.0.0.1:$PORT$API_PATH"
  started=$(now_ms)
  setsid sh -c "$IN_OWN_SESSION" "$NICENESS" "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  PID[$name]=$!
  deadline=$((started + STARTUP_TIMEOUT_SECONDS * 1000))
  while [[ $(post "${URL[$name]}" -H 'Authorization: Basic bench-key') != 200 ]]; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      tail -20 "$LOGS/$name.log" >&2
      die "$name exited during start-up (log: $LOGS/$name.log)"
    fi
    (($(now_ms) < deadline)) || die "$name gave no 200 within $STARTUP_TIMEOUT_SECONDS s (log: $LOGS/$name.log)"
    sleep 0.01
  done
  LAST_START=$(($(now_ms) - started))
}

# start NAME COMMAND... : BENCH_STARTS timed starts, each alone; the last one stays up. STARTUP is their median.
start() {
  local name=$1 attempt times=''
  shift
  COMMAND[$name]="$*"
  log "$name: starting $STARTS times: $*"
  for ((attempt = 1; attempt <= STARTS; attempt++)); do
    start_once "$name" "$@"
    times+="${times:+ }$LAST_START"
    if ((attempt < STARTS)); then
      stop_server "${PID[$name]}"
      unset "PID[$name]"
    fi
  done
  STARTUP[$name]=$(tr ' ' '\n' <<<"$times" | sort -n | awk -v middle=$(((STARTS + 1) / 2)) 'NR == middle')
  STARTUP_ALL[$name]=${times// /, }
  log "$name: first 200 after $times ms (median ${STARTUP[$name]} ms)"
}

# The benchmark is only honest if the server really validates what wrk sends. Steady checks no credentials (it
# answers 200 without Authorization), so only its body validation is required.
check_validates() {
  local name=$1 invalid unauthorised
  invalid=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST -H 'Content-Type: application/json' \
    -H 'Authorization: Basic bench-key' --data-binary '{"card_desc":""}' "${URL[$name]}" || true)
  unauthorised=$(post "${URL[$name]}")
  log "$name: invalid body -> $invalid, no Authorization -> $unauthorised"
  [[ $invalid =~ ^4 ]] || die "$name does not validate request bodies (invalid body -> $invalid)"
  [[ $unauthorised == 401 || $name == steady ]] ||
    die "$name does not check credentials (no key -> $unauthorised)"
}

# Paynet mode: a session from its own Auth, and the save_card body for it; the load must be accepted (code 0).
paynet_session_body() {
  local auth_url=${URL[paynet]%"$API_PATH"}$AUTH_PATH session answer body
  # Plain shell rather than Node: the cold load starts right after this, and Node would take a tenth of a second.
  answer=$(curl -s --max-time 2 -X POST -H 'Content-Type: application/json' -H 'Authorization: Basic bench-key' \
    --data-binary "@$AUTH_BODY_FILE" "$auth_url")
  session=$(sed -n 's/.*"session_id" *: *"\([^"]*\)".*/\1/p' <<<"$answer")
  [[ -n $session ]] || die "paynet: Auth gave no session_id: $answer"
  body=$(<"$BODY_FILE")
  [[ $body =~ \"session_id\":\"[^\"]*\" ]] || die "paynet: the request example has no session_id: $body"
  printf '%s' "${body/"${BASH_REMATCH[0]}"/\"session_id\":\"$session\"}" >"$PAYNET_BODY_FILE"
  BODY[paynet]=$PAYNET_BODY_FILE
  answer=$(curl -s --max-time 2 -X POST -H 'Content-Type: application/json' -H 'Authorization: Basic bench-key' \
    --data-binary "@$PAYNET_BODY_FILE" "${URL[paynet]}")
  [[ $answer == *'"code":0'* && $answer == *"$session"* ]] ||
    die "paynet: save_card on its own session was not accepted with the session echoed: $answer"
  URL[paynet_auth]=$auth_url
  PID[paynet_auth]=${PID[paynet]}
  BODY[paynet_auth]=$AUTH_BODY_FILE
  log "paynet: loading save_card on session ${session:0:8}… (accepted, echoed)"
}

# ---------------------------------------------------------------- load
# wrk_field KEY LINE -> the value after "KEY=" in the BENCH line that save_card.lua prints.
wrk_field() {
  local rest=${2#* "$1"=}
  echo "${rest%% *}"
}

W_REQUESTS='' W_RPS='' W_P50='' W_P99='' W_OTHER_CPU=''
# load NAME PHASE SECONDS: wrk against the server; sets the W_* results.
load() {
  local name=$1 phase=$2 seconds=$3 pid=${PID[$1]} line busy_before server_before wrk_ticks non2xx errors
  local TIMEFORMAT='%U %S' file=$LOGS/$1-wrk-$2
  busy_before=$(machine_busy_ticks)
  server_before=$(session_ticks "$pid")
  # The time keyword writes wrk's user and system CPU seconds to the .times file. wrk runs in the
  # background and is waited for, so that a signal stops the script (and wrk, in stop_all) at once.
  { time {
    BENCH_BODY_FILE=${BODY[$name]:-$BODY_FILE} setsid sh -c "$IN_OWN_SESSION" "$NICENESS" wrk -t"$THREADS" -c"$CONNECTIONS" \
      -d"${seconds}s" --timeout 5s -s "$LUA" "${URL[$name]}" >"$file.txt" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID"
  }; } 2>"$file.times" || die "wrk failed against $name (see $file.txt)"
  WRK_PID=''
  wrk_ticks=$(awk -v hz="$TICKS_PER_SECOND" '{ printf "%.0f", ($1 + $2) * hz }' "$file.times")
  # CPU that neither the server nor wrk used during the run, as a share of all CPUs.
  W_OTHER_CPU=$((($(machine_busy_ticks) - busy_before - ($(session_ticks "$pid") - server_before) - wrk_ticks) * 100 /
    (seconds * TICKS_PER_SECOND * $(nproc))))
  ((W_OTHER_CPU >= 0)) || W_OTHER_CPU=0
  line=$(grep '^BENCH ' "$file.txt") || die "no result line from wrk ($file.txt)"
  W_REQUESTS=$(wrk_field requests "$line")
  W_RPS=$(awk -v n="$W_REQUESTS" -v us="$(wrk_field duration_us "$line")" 'BEGIN { printf "%.0f", n / (us / 1e6) }')
  W_P50=$(wrk_field p50_us "$line")
  W_P99=$(wrk_field p99_us "$line")
  non2xx=$(wrk_field non2xx "$line")
  errors=$(wrk_field socket_errors "$line")
  log "$name $phase: $W_REQUESTS requests, $W_RPS req/s, p50 $W_P50 us, p99 $W_P99 us, non-2xx $non2xx, socket errors $errors, other CPU $W_OTHER_CPU%"
  ((non2xx == 0)) || die "$name answered $non2xx requests with a non-2xx status: the load is not all valid calls"
}

# ---------------------------------------------------------------- report
declare -A ROUND_RPS ROUND_P50 ROUND_P99 ROUND_OTHER PEAK_KIB BODY COLD_RPS COLD_P99 COLD_OTHER STARTUP_ALL
RSS_WARM='' RSS_LONG='' PEAK_LONG='' HEAP_WARM='' HEAP_LONG='' LONG_DONE=''
FLOOD_DONE='' FLOOD_HEAP_BEFORE='' FLOOD_HEAP_AFTER='' JUNIT_FIRST='' JUNIT_LATER='' JUNIT_ALL=''

# median_round NAME -> the round whose throughput is the server's median.
median_round() {
  local round
  for ((round = 1; round <= ROUNDS; round++)); do echo "${ROUND_RPS[$1,$round]} $round"; done |
    sort -n | awk -v middle=$(((ROUNDS + 1) / 2)) 'NR == middle { print $2 }'
}

ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
mib() { awk -v kib="$1" 'BEGIN { printf "%.0f", kib / 1024 }'; }

# ratio LABEL NUMERATOR DENOMINATOR TARGET: "at least TARGET times".
ratio() {
  awk -v label="$1" -v a="$2" -v b="$3" -v t="$4" 'BEGIN {
    r = a / b; printf "- %s: **%.2fx** (goal >= %sx) **%s**\n", label, r, t, (r >= t ? "PASS" : "MISS") }'
}
# at_most LABEL VALUE LIMIT UNIT: "at most LIMIT".
at_most() {
  awk -v label="$1" -v v="$2" -v t="$3" -v unit="$4" 'BEGIN {
    printf "- %s: **%s %s** (goal <= %s %s) **%s**\n", label, v, unit, t, unit, (v + 0 <= t + 0 ? "PASS" : "MISS") }'
}

# spread NAME -> the largest distance of a round from the median round, in % of the median.
spread() {
  local name=$1 median r
  median=${ROUND_RPS[$name,$(median_round "$name")]}
  for ((r = 1; r <= ROUNDS; r++)); do echo "${ROUND_RPS[$name,$r]}"; done |
    awk -v m="$median" '{ d = ($1 - m) / m * 100; if (d < 0) d = -d; if (d > max) max = d } END { printf "%.1f", max }'
}

report() {
  local name round r all
  declare -A label=([ours]="paynet-mock-server, Prism mode (\`paynet-mock --mode prism\`)"
    [paynet]="paynet-mock-server, Paynet mode (\`paynet-mock\`, sessions)"
    [prism]="Prism $(node -p "require('./$PRISM_DIR/node_modules/@stoplight/prism-cli/package.json').version") (NODE_ENV=production)"
    [steady]="Steady $(node -p "require('./$STEADY_DIR/node_modules/@stdy/cli/package.json').version") (\`steady -q\`)"
    [wiremock]="WireMock $WIREMOCK_VERSION static stub (no validation)")
  declare -A rps
  echo "### Results $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)."
  echo "Java: $(java -version 2>&1 | head -1). Node: $(node --version). $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Command: \`flock /tmp/paynet-build.lock flock /tmp/paynet-bench.lock bench/run.sh\`$( [[ -z ${BENCH_TARGETS:-} ]] || echo " with BENCH_TARGETS=\"$TARGETS\"")."
  echo "Load: wrk -t$THREADS -c$CONNECTIONS, POST $API_PATH with the spec's \`$REQUEST_EXAMPLE\` example and \`Authorization: Basic bench-key\`. Cold: the first ${COLD} s after the first 200 of the last of $STARTS starts; steady: ${WARMUP} s warm-up, then $ROUNDS interleaved rounds of ${DURATION} s, the median round."
  if [[ -n $OUR_COPIED ]]; then
    echo "Our mock: the launcher \`$OUR_BUILD/paynet-mock\` (JVM flags \`$LAUNCHER_FLAGS\`, AppCDS archive $([[ -f $OUR_BUILD/paynet-mock.jsa ]] && echo "\`paynet-mock.jsa\`" || echo "none"))$([[ -z $OURS_JAVA_OPTS ]] || echo ", **plus \`$OURS_JAVA_OPTS\`** (BENCH_OURS_JAVA_OPTS: not the documented launch)"), jar built $(date -u -r "$OUR_JAR" '+%Y-%m-%d %H:%M UTC'); the tree was at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$([[ -z $(git status --porcelain -- mock-server/src api-spec/src 2>/dev/null) ]] || echo ' with uncommitted changes')."
  fi
  [[ -z ${PID[wiremock]:-} ]] || echo "Plain WireMock: \`${COMMAND[wiremock]#*java }\`."
  echo "Niceness of the servers and wrk: $NICENESS."
  echo
  echo "| server | cold req/s (first ${COLD} s) | steady req/s | p50 ms | p99 ms | start to first 200 ms (median; each) | peak RSS MiB | other CPU % (cold / steady) | steady req/s of each round |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
  for name in ours paynet prism steady wiremock; do
    [[ -n ${PID[$name]:-} ]] || continue
    round=$(median_round "$name")
    rps[$name]=${ROUND_RPS[$name,$round]}
    all=''
    for ((r = 1; r <= ROUNDS; r++)); do all+="${all:+, }${ROUND_RPS[$name,$r]}"; done
    echo "| ${label[$name]} | ${COLD_RPS[$name]} | ${rps[$name]} | $(ms "${ROUND_P50[$name,$round]}") | $(ms "${ROUND_P99[$name,$round]}") | ${STARTUP[$name]} (${STARTUP_ALL[$name]}) | $(mib "${PEAK_KIB[$name]}") | ${COLD_OTHER[$name]} / ${ROUND_OTHER[$name,$round]} | $all |"
  done
  echo
  echo "'other CPU %': share of all CPUs that processes other than the server and wrk used during the cold load and the median round. Peak RSS: VmHWM of the server's processes (Prism's forked server and Steady's binary under its Node shim included), through all of its load."
  echo
  echo "Goals (issue 11):"
  echo
  if [[ -n ${rps[ours]:-} ]]; then
    [[ -z ${rps[prism]:-} ]] || ratio "cold: ours / Prism" "${COLD_RPS[ours]}" "${COLD_RPS[prism]}" "$COLD_PRISM_TARGET"
    [[ -z ${rps[steady]:-} ]] || ratio "cold: ours / Steady" "${COLD_RPS[ours]}" "${COLD_RPS[steady]}" "$COLD_STEADY_TARGET"
    [[ -z ${rps[wiremock]:-} ]] || ratio "steady: ours / plain WireMock" "${rps[ours]}" "${rps[wiremock]}" "$STEADY_CEILING_TARGET"
    [[ -z ${rps[steady]:-} ]] || ratio "steady: ours / Steady" "${rps[ours]}" "${rps[steady]}" "$STEADY_STEADY_TARGET"
    at_most "steady: p99 of ours at $CONNECTIONS connections" "$(ms "${ROUND_P99[ours,$(median_round ours)]}")" "$P99_TARGET_MS" ms
    at_most "steady: spread of ours over the $ROUNDS rounds (largest distance from the median)" "$(spread ours)" "$SPREAD_TARGET_PERCENT" "%"
    at_most "start: ours to its first 200 (median of $STARTS)" "${STARTUP[ours]}" "$START_TARGET_MS" ms
    at_most "memory: peak RSS of ours through load" "$(mib "${PEAK_KIB[ours]}")" "$RSS_TARGET_MIB" MiB
  fi
  if [[ -n ${rps[paynet]:-} ]]; then
    if [[ -n ${rps[ours]:-} ]]; then
      ratio "Paynet mode / Prism mode, cold" "${COLD_RPS[paynet]}" "${COLD_RPS[ours]}" "$PAYNET_TARGET"
      ratio "Paynet mode / Prism mode, steady" "${rps[paynet]}" "${rps[ours]}" "$PAYNET_TARGET"
    fi
    [[ -z ${rps[prism]:-} ]] || ratio "cold: Paynet mode / Prism" "${COLD_RPS[paynet]}" "${COLD_RPS[prism]}" "$COLD_PRISM_TARGET"
    [[ -z ${rps[steady]:-} ]] || ratio "cold: Paynet mode / Steady" "${COLD_RPS[paynet]}" "${COLD_RPS[steady]}" "$COLD_STEADY_TARGET"
    [[ -z ${rps[steady]:-} ]] || ratio "steady: Paynet mode / Steady" "${rps[paynet]}" "${rps[steady]}" "$STEADY_STEADY_TARGET"
    at_most "steady: p99 of Paynet mode" "$(ms "${ROUND_P99[paynet,$(median_round paynet)]}")" "$P99_TARGET_MS" ms
    at_most "start: Paynet mode to its first 200 (median of $STARTS)" "${STARTUP[paynet]}" "$START_TARGET_MS" ms
    at_most "memory: peak RSS of Paynet mode through load" "$(mib "${PEAK_KIB[paynet]}")" "$RSS_TARGET_MIB" MiB
  fi
  if [[ -n $JUNIT_FIRST ]]; then
    at_most "in JUnit: first start in a fresh JVM (median of 3 JVMs: $JUNIT_ALL)" "$JUNIT_FIRST" "$JUNIT_FIRST_TARGET_MS" ms
    at_most "in JUnit: later starts (the slowest of 5 in each JVM)" "$JUNIT_LATER" "$JUNIT_LATER_TARGET_MS" ms
  fi
  if [[ -n $FLOOD_DONE ]]; then
    local flood_growth=$((FLOOD_HEAP_AFTER - FLOOD_HEAP_BEFORE)) flood_bounded=MISS
    ((flood_growth <= LIVE_HEAP_GROWTH_LIMIT_KIB)) && flood_bounded=PASS
    echo "- memory of Paynet mode under a flood of $FLOOD_DONE Auth calls (each a new session; at most 10 000 kept): live heap after a full GC $(mib "$FLOOD_HEAP_BEFORE") -> $(mib "$FLOOD_HEAP_AFTER") MiB (may grow $(mib "$LIVE_HEAP_GROWTH_LIMIT_KIB") MiB at most), peak RSS $(mib "${PEAK_KIB[paynet]}") MiB **$flood_bounded**"
  fi
  if [[ -n $LONG_DONE ]]; then
    local growth=$((HEAP_LONG - HEAP_WARM)) bounded=MISS
    ((growth <= LIVE_HEAP_GROWTH_LIMIT_KIB)) && bounded=PASS
    echo "- memory of ours, after warm-up -> after $LONG_DONE more requests: RSS $(mib "$RSS_WARM") -> $(mib "$RSS_LONG") MiB (peak $(mib "$PEAK_LONG") MiB), live heap after a full GC $(mib "$HEAP_WARM") -> $(mib "$HEAP_LONG") MiB (may grow $(mib "$LIVE_HEAP_GROWTH_LIMIT_KIB") MiB at most) **$bounded**"
  fi
  echo "- memory flat over a 10-minute soak: not part of this script; \`bench/soak.sh 10\` (see docs/bench.md)"
}

# ---------------------------------------------------------------- main
ensure_tools
cp "$SPEC" "$SPEC_COPY"
spec_example request "$API_PATH" POST "$REQUEST_EXAMPLE" >"$BODY_FILE"
spec_example request "$AUTH_PATH" POST "$AUTH_EXAMPLE" >"$AUTH_BODY_FILE"
log "date $(date -u '+%Y-%m-%d %H:%M:%S UTC'); $(nproc) CPUs; $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
# Session ids are shortened and card descriptions left out of the log, as everywhere in this project (the example's
# are not real ones, but the rule holds for every log).
log "request body: $(sed -E -e 's/"(js_[A-Za-z0-9+\/=_-]{5})[^"]*"/"\1…"/g' \
  -e 's/"card_desc":"[^"]*"/"card_desc":"<redacted>"/g' "$BODY_FILE")"

for target in $TARGETS; do
  PORT=$(free_port)
  case $target in
    ours)
      ensure_our_launcher
      start ours env PAYNET_MOCK_JAVA_OPTS="$OURS_JAVA_OPTS" "$LAUNCHER" --port "$PORT" --host 127.0.0.1 --spec "$SPEC_COPY" --mode prism
      ;;
    paynet)
      ensure_our_launcher
      # The HTTP-200 channel lets start-up's probe (the example's session, unknown here: 13) see a 200.
      start paynet env PAYNET_MOCK_JAVA_OPTS="$OURS_JAVA_OPTS" "$LAUNCHER" --port "$PORT" --host 127.0.0.1 --spec "$SPEC_COPY" --mode paynet --error-channel http-200
      paynet_session_body
      ;;
    prism)
      ensure_prism
      start prism env NODE_ENV=production "$PRISM" mock -h 127.0.0.1 -p "$PORT" "$SPEC_COPY"
      ;;
    steady)
      ensure_steady
      start steady "$STEADY" -p "$PORT" --host 127.0.0.1 -q "$SPEC_COPY"
      ;;
    wiremock)
      ensure_wiremock
      write_wiremock_mapping
      # The same JVM flags as our launcher, and the same thread budget (WIREMOCK_ARGS).
      # shellcheck disable=SC2086 # JAVA_OPTS and WIREMOCK_ARGS are lists of flags
      start wiremock java $JAVA_OPTS -jar "$WIREMOCK_JAR" --port "$PORT" --bind-address 127.0.0.1 \
        --root-dir "$OUT/wiremock-root" --no-request-journal --disable-banner $WIREMOCK_ARGS
      ;;
  esac
  # Cold: loaded at once, no quiet-machine wait between the first 200 and the load.
  load "$target" cold "$COLD"
  COLD_RPS[$target]=$W_RPS COLD_P99[$target]=$W_P99 COLD_OTHER[$target]=$W_OTHER_CPU
  [[ $target == wiremock ]] || check_validates "$target"
done

for target in $TARGETS; do load "$target" warmup "$WARMUP"; done
if [[ -n ${PID[ours]:-} ]]; then
  RSS_WARM=$(session_kib "${PID[ours]}" VmRSS)
  HEAP_WARM=$(live_heap_kib "$(pgrep -s "${PID[ours]}" java | head -1)")
fi

for ((round = 1; round <= ROUNDS; round++)); do
  for target in $TARGETS; do
    wait_for_quiet_machine
    load "$target" "round$round" "$DURATION"
    ROUND_RPS[$target,$round]=$W_RPS ROUND_P50[$target,$round]=$W_P50
    ROUND_P99[$target,$round]=$W_P99 ROUND_OTHER[$target,$round]=$W_OTHER_CPU
  done
done
for target in $TARGETS; do PEAK_KIB[$target]=$(session_kib "${PID[$target]}" VmHWM); done

if [[ -n ${PID[ours]:-} ]] && ((LONG_REQUESTS > 0)); then
  ours_rps=${ROUND_RPS[ours,$(median_round ours)]}
  seconds=$(((LONG_REQUESTS * 11 / 10 + ours_rps - 1) / ours_rps))
  ((seconds <= LONG_MAX_SECONDS)) || seconds=$LONG_MAX_SECONDS
  load ours long "$seconds"
  LONG_DONE=$W_REQUESTS
  RSS_LONG=$(session_kib "${PID[ours]}" VmRSS)
  HEAP_LONG=$(live_heap_kib "$(pgrep -s "${PID[ours]}" java | head -1)")
  PEAK_LONG=$(session_kib "${PID[ours]}" VmHWM)
  PEAK_KIB[ours]=$PEAK_LONG
fi

if [[ -n ${PID[paynet]:-} ]] && ((AUTH_FLOOD_SECONDS > 0)); then
  FLOOD_HEAP_BEFORE=$(live_heap_kib "$(pgrep -s "${PID[paynet]}" java | head -1)")
  load paynet_auth flood "$AUTH_FLOOD_SECONDS"
  FLOOD_DONE=$W_REQUESTS
  FLOOD_HEAP_AFTER=$(live_heap_kib "$(pgrep -s "${PID[paynet]}" java | head -1)")
  PEAK_KIB[paynet]=$(session_kib "${PID[paynet]}" VmHWM)
fi

if [[ " $TARGETS " == *" ours "* || " $TARGETS " == *" paynet "* ]]; then
  stop_all
  wait_for_quiet_machine
  junit=$(bench/junit-start.sh 3 "$OUR_JAR" | tee "$LOGS/junit-start.txt") || die "bench/junit-start.sh failed"
  JUNIT_ALL=$(sed -n 's/^JUNIT first_ms=\([0-9]*\).*/\1/p' <<<"$junit" | paste -sd, | sed 's/,/, /g')
  JUNIT_FIRST=$(sed -n 's/^JUNIT first_ms=\([0-9]*\).*/\1/p' <<<"$junit" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  JUNIT_LATER=$(sed -n 's/.*later_max_ms=\([0-9]*\).*/\1/p' <<<"$junit" | sort -n | tail -1)
fi

report | tee "$OUT/results.md"
