#!/usr/bin/env bash
# Fuzzes each of the three Jazzer targets for real, one after another, for SECONDS each:
#
#   bench/fuzz.sh 60                                    # a minute per target (about 5 minutes in all)
#   flock /tmp/paynet-bench.lock bench/fuzz.sh 600      # ten minutes per target, on a shared machine
#   FUZZ_TARGETS="mock" bench/fuzz.sh 300               # one target only (spec, client, mock)
#
# The targets are @FuzzTest methods (docs/robustness.md): the spec loader (api-spec), the client's answer decoding
# (generated-client) and the mock's request handling in both modes (mock-server). A normal `./mvnw verify` only
# replays their committed inputs; this script builds once (under the build lock, FUZZ_BUILD_LOCK, default
# /tmp/paynet-build.lock; FUZZ_SKIP_BUILD=1 uses the classes already built), copies the classes aside so that other
# builds cannot change them mid-run, and then runs each target in Jazzer's own driver outside Maven, with
# -Xmx${FUZZ_HEAP:-512m} (an OutOfMemoryError is a finding) and the per-input timeout of the test's @Timeout.
#
# Prints executions, coverage (libFuzzer's edges "cov" and features "ft"), corpus size and speed per target.
# Exits 1 when any target has a finding (the input is copied to target/fuzz/findings/<target>/, with Jazzer's
# log; a run goes on after a finding, collecting up to FUZZ_KEEP_GOING (20) distinct ones), 2 on a usage or
# build error. The corpus each run grows is kept in <module>/.cifuzz-corpus/ (git-ignored)
# and seeds the next run.
set -euo pipefail

SECONDS_PER_TARGET=${1:-}
if [[ ! $SECONDS_PER_TARGET =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/fuzz.sh SECONDS   (seconds of fuzzing per target, e.g. 60)" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TARGETS=${FUZZ_TARGETS:-spec client mock}
HEAP=${FUZZ_HEAP:-512m}
LOCK=${FUZZ_BUILD_LOCK:-/tmp/paynet-build.lock}
OUT=$ROOT/target/fuzz
mkdir -p "$OUT"

# target -> module, class, method
target_module() { case $1 in spec) echo api-spec ;; client) echo generated-client ;; mock) echo mock-server ;;
  *) echo "bench/fuzz.sh: unknown target '$1' (use spec, client, mock)" >&2; exit 2 ;; esac; }
target_class() { case $1 in spec) echo io.github.paynetsavecard.spec.SpecLoaderFuzzTest ;;
  client) echo io.github.paynetsavecard.client.AnswerDecodingFuzzTest ;;
  mock) echo io.github.paynetsavecard.mock.server.RequestHandlingFuzzTest ;; esac; }
target_method() { case $1 in spec) echo loadsADocumentOrNamesItsProblems ;;
  client) echo decodesEveryAnswerToAnOutcomeOrATransportException ;;
  mock) echo answersEveryRequestWithoutAServerError ;; esac; }

modules=()
for target in $TARGETS; do modules+=("$(target_module "$target")"); done

build() {
  ./mvnw -B -q install -DskipTests >"$OUT/build.log" 2>&1 || return 1
  for module in "${modules[@]}"; do
    ./mvnw -B -q -o -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$OUT/$module.classpath" >>"$OUT/build.log" 2>&1 || return 1
    rm -rf "${OUT:?}/$module"
    mkdir -p "$OUT/$module"
    cp -r "$module/target/classes" "$module/target/test-classes" "$OUT/$module/"
  done
}
if [[ ${FUZZ_SKIP_BUILD:-0} != 1 ]]; then
  echo "building (under $LOCK) ..."
  if ! flock "$LOCK" bash -c "$(declare -f build); OUT='$OUT'; modules=(${modules[*]}); build"; then
    echo "bench/fuzz.sh: the build failed; see $OUT/build.log" >&2
    tail -20 "$OUT/build.log" >&2
    exit 2
  fi
fi

# A setting from the module's junit-platform.properties, for Jazzer's driver (which reads its flags first).
property() { sed -n "s/^$2=//p" "$OUT/$1/test-classes/junit-platform.properties" 2>/dev/null | tail -1; }

findings=0
rows=()
for target in $TARGETS; do
  module=$(target_module "$target")
  class=$(target_class "$target")
  method=$(target_method "$target")
  log=$OUT/$target.log
  # keep_going: a finding does not end the run; up to that many distinct findings are collected.
  flags=(--target_class="$class" --target_method="$method" --max_duration="${SECONDS_PER_TARGET}s"
    --keep_going="${FUZZ_KEEP_GOING:-20}")
  instrument=$(property "$module" jazzer.instrument)
  disabled=$(property "$module" jazzer.disabled_hooks)
  [[ -n $instrument ]] && flags+=(--instrument="$instrument")
  [[ -n $disabled ]] && flags+=(--disabled_hooks="$disabled")
  echo "fuzzing $target ($class#$method) for ${SECONDS_PER_TARGET} s ..."
  # Jazzer writes a finding's input into the test's inputs folder in src/test/resources (where it would replay in
  # every build): this script moves it to target/fuzz/findings/ instead, to be fixed and committed under a name.
  package=${class%.*}
  inputs=$ROOT/$module/src/test/resources/${package//.//}/${class##*.}Inputs/$method
  rm -f "$ROOT/$module"/crash-* "$ROOT/$module"/timeout-* "$ROOT/$module"/slow-unit-* "$ROOT/$module"/oom-*
  status=0
  # Jazzer writes its corpus (.cifuzz-corpus/) and any crash-* file into the working directory: the module.
  (cd "$ROOT/$module" && timeout --kill-after=30 $((SECONDS_PER_TARGET + 180)) \
    java -Xmx"$HEAP" -XX:-OmitStackTraceInFastThrow -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.log.io.swagger.v3.parser=off \
      -cp "$OUT/$module/test-classes:$OUT/$module/classes:$(cat "$OUT/$module.classpath")" \
      com.code_intelligence.jazzer.Jazzer "${flags[@]}") >"$log" 2>&1 || status=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  [[ -n $runs ]] || runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.*corp: \([0-9]*\)\/.*/\1/p' <<<"$last")
  speed=$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' <<<"$last")
  verdict=clean
  if [[ $status != 0 ]] || grep -qE '^== Java Exception|^==[0-9]+== ERROR|FuzzTestFindingException|Test failed' "$log"; then
    verdict="FINDING (exit $status)"
    findings=$((findings + 1))
    mkdir -p "$OUT/findings/$target"
    cp "$log" "$OUT/findings/$target/"
    for found in "$ROOT/$module"/{crash,timeout,oom,slow-unit}-* "$inputs"/{crash,timeout,oom,slow-unit}-*; do
      [[ -e $found ]] && mv "$found" "$OUT/findings/$target/"
    done
    grep -A12 -E '^== Java Exception|^==[0-9]+== ERROR' "$log" | grep -v '^\s*at \(java\.\|jdk\.\|org\.junit\|com\.code_intelligence\)' \
      | head -60 || tail -30 "$log"
  fi
  rows+=("$(printf '| %-6s | %10s | %6s | %6s | %6s | %7s | %s |' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" \
    "${corp:-?}" "${speed:-?}" "$verdict")")
done

echo
echo "Fuzzing, ${SECONDS_PER_TARGET} s per target ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, -Xmx$HEAP):"
echo
echo "| target | executions |    cov |     ft | corpus |  exec/s | result |"
echo "|--------|-----------:|-------:|-------:|-------:|--------:|--------|"
printf '%s\n' "${rows[@]}"
echo
echo "Logs: $OUT/<target>.log"
if [[ $findings -gt 0 ]]; then
  echo "$findings target(s) with a finding; inputs and logs in $OUT/findings/" >&2
  exit 1
fi
