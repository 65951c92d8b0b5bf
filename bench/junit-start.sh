#!/usr/bin/env bash
# The mock's start inside a test JVM, as the JUnit extension starts it (bench/junit-start/StartInJvm.java): the first
# start in a fresh JVM, then 5 more in the same JVM; JVMS fresh JVMs in turn (default 3), with java's default flags,
# as a test JVM of Maven Surefire gets them. One line per JVM:
#   JUNIT first_ms=... later_ms=a,b,c,d,e later_max_ms=...
#
#   bench/junit-start.sh [JVMS] [JAR]     # JAR: the standalone jar (default mock-server/target/paynet-mock-server.jar)
#
# JUNIT_JAVA_OPTS adds flags to each JVM, e.g. JUNIT_JAVA_OPTS=-Dpaynet.mock.preload=false (no classes loaded ahead).
#
# A harness rather than a timed unit test: a test's timing would fail on a busy CI machine. bench/run.sh runs it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JVMS=${1:-3}
JAR=${2:-mock-server/target/paynet-mock-server.jar}
[[ $JVMS =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/junit-start.sh [JVMS] [JAR]" >&2; exit 2; }
[[ -f $JAR ]] || { echo "bench/junit-start.sh: $JAR is missing; build it: ./mvnw -q -B -pl mock-server -am package -DskipTests" >&2; exit 2; }
CLASSES=bench/target/junit-start
mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$JAR" bench/junit-start/StartInJvm.java
for ((jvm = 1; jvm <= JVMS; jvm++)); do
  # Jetty's INFO lines through the jar's slf4j-simple are left out, as a test's logging configuration usually does.
  # shellcheck disable=SC2086 # a list of flags
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=error ${JUNIT_JAVA_OPTS:-} -cp "$JAR:$CLASSES" StartInJvm 5
done
