#!/usr/bin/env bash
# Long fuzzing runs of the protocol-core fuzz targets (src/test/java/io/github/rfc6455/core/fuzz), one JVM per target.
#
#   protocol-core/fuzz.sh TARGET|all [DURATION]      e.g.  protocol-core/fuzz.sh FrameParserFuzzTest 10m
#
# DURATION uses Jazzer's syntax (30s, 10m, 1h; default 10m). Targets: HttpHeadParserFuzzTest ServerHandshakeFuzzTest
# ClientHandshakeFuzzTest FrameParserFuzzTest MessageAssemblerFuzzTest ExtensionHeaderFuzzTest CloseFrameFuzzTest
# InflaterFuzzTest. Builds into $FUZZ_BUILD_DIR (default protocol-core/target/fuzz-long, kept between runs so the
# generated corpus in .../protocol-core/fuzz/.cifuzz-corpus/ grows run after run). A finding fails the run; Jazzer
# writes the input to .../protocol-core/fuzz/crash-*: reproduce it by copying it into
# src/test/resources/io/github/rfc6455/core/fuzz/<Target>Inputs/fuzz/ (it then runs in every `mvn verify`), fix, keep it.
# libFuzzer's statistics (runs, coverage, corpus) go to .../protocol-core/fuzz/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: protocol-core/fuzz.sh TARGET|all [DURATION]}
duration=${2:-10m}
build=${FUZZ_BUILD_DIR:-$PWD/protocol-core/target/fuzz-long}
all=(HttpHeadParserFuzzTest ServerHandshakeFuzzTest ClientHandshakeFuzzTest FrameParserFuzzTest
     MessageAssemblerFuzzTest ExtensionHeaderFuzzTest CloseFrameFuzzTest InflaterFuzzTest)
if [ "$target" = all ]; then targets=("${all[@]}"); else targets=("$target"); fi

mvn -B -q ${MAVEN_OFFLINE:+-o} "-Drfc6455.buildDir=$build/\${project.artifactId}" -pl protocol-core test-compile
mkdir -p "$build/protocol-core/fuzz"
status=0
for t in "${targets[@]}"; do
  log="$build/protocol-core/fuzz/$t.log"
  echo "fuzzing $t for $duration (log: $log)"
  if mvn -B ${MAVEN_OFFLINE:+-o} "-Drfc6455.buildDir=$build/\${project.artifactId}" -pl protocol-core \
      "surefire:test@fuzz-$t" "-Dfuzz.duration=$duration" >"$log" 2>&1; then
    result=ok
  else
    result=FINDING; status=1
  fi
  # libFuzzer's last status line: executions, coverage (cov), features (ft), corpus size
  stats=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  echo "$t: $result  ${stats}  $(grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true)"
done
exit $status
