#!/usr/bin/env bash
# End-to-end run of edits of the breaking-change gate's corpus through the real build, where the client-API verdict
# generates and compiles both clients (docs/spec.md, "The corpus"). Not part of CI: about 15 s per edit.
#
#   bench/gate-corpus.sh [EDIT...]      # default: the edits whose verdict needs the generated clients, and a few more
#
# It first runs GateCorpusTest, which writes each edited spec and its baseline to api-spec/target/gate-corpus/NAME/,
# then, in a scratch git worktree of HEAD (never this work tree), copies them over api-spec/openapi.yaml and
# api-spec/baseline/openapi.yaml and runs the gate's own command:
#   ./mvnw -q -DskipTests verify -pl api-spec,generated-client
# An edit passes when the build's exit code and the first word of the report's lines match its `expect:`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOCK=/tmp/paynet-build.lock
WT=${GATE_WORKTREE:-/tmp/gate-corpus-wt}
EDITS=("$@")
if [ ${#EDITS[@]} -eq 0 ]; then
  EDITS=(01-request-enum-added 03-request-object-closed 04-request-pattern-loosened 05-request-pattern-tightened
         10-request-optional-property-added 16-response-optional-property-removed 22-response-status-removed
         24-security-key-header-renamed 25-security-scheme-type-changed 27-required-header-parameter-added
         28-optional-query-parameter-added 29-examples-only 30-description-only 31-version-bump-only
         33-operation-id-renamed 34-schema-renamed 35-enum-varname-renamed 36-request-type-widened)
fi

flock "$LOCK" ./mvnw -B -q -o -pl api-spec test -Dtest=GateCorpusTest -Dsurefire.failIfNoSpecifiedTests=false

if [ ! -d "$WT" ]; then
  git worktree add -q --detach "$WT" HEAD
else
  git -C "$WT" checkout -q -- api-spec/openapi.yaml api-spec/baseline/openapi.yaml
  git -C "$WT" checkout -q --detach "$(git rev-parse HEAD)"
fi
pass=0; fail=0
for edit in "${EDITS[@]}"; do
  dir=$ROOT/api-spec/target/gate-corpus/$edit
  expect=$(sed -n 's/^expect: //p' "$ROOT/api-spec/src/test/resources/gate-corpus/edits/$edit.yaml")
  cp "$dir/baseline.yaml" "$WT/api-spec/baseline/openapi.yaml"
  cp "$dir/openapi.yaml" "$WT/api-spec/openapi.yaml"
  start=$(date +%s.%N)
  set +e
  out=$(cd "$WT" && flock "$LOCK" ./mvnw -q -o -DskipTests verify -pl api-spec,generated-client 2>&1)
  rc=$?
  set -e
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  lines=$(printf '%s\n' "$out" | sed -n 's/^\(\[ERROR\] \)\{0,1\}  \(BREAKING (wire)\|BREAKING (client API)\|compatible\)  .*/\2/p' | sort -u | tr '\n' ',')
  case "$expect" in
    wire) ok=$([ $rc -ne 0 ] && [[ $lines == *"BREAKING (wire)"* ]] && echo yes || echo no) ;;
    "client API") ok=$([ $rc -ne 0 ] && [[ $lines == *"BREAKING (client API)"* ]] && [[ $lines != *"BREAKING (wire)"* ]] && echo yes || echo no) ;;
    compatible) ok=$([ $rc -eq 0 ] && [[ $lines != *BREAKING* ]] && [[ -n $lines ]] && echo yes || echo no) ;;
    none) ok=$([ $rc -eq 0 ] && [[ -z $lines ]] && echo yes || echo no) ;;
  esac
  printf '%-40s expect %-11s exit %d  %5.1f s  %-4s %s\n' "$edit" "$expect" "$rc" "$seconds" "$ok" "${lines%,}"
  if [ "$ok" = yes ]; then pass=$((pass + 1)); else fail=$((fail + 1)); printf '%s\n' "$out" | grep -E "BREAKING|compatible|needs|ERROR" | head -20; fi
done
git -C "$WT" checkout -q -- api-spec/openapi.yaml api-spec/baseline/openapi.yaml
echo "gate corpus end to end: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
