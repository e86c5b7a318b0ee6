#!/usr/bin/env bash
# End-to-end echo comparison: the rfc6455 echo server against Netty and Java-WebSocket echo servers (PeerServer),
# all driven by the same LoadTool, one server at a time. For each server it prints throughput, latency, errors and
# the server's CPU time per message (utime+stime from /proc/PID/stat), then a table with ratios against rfc6455.
#
# Usage: benchmarks/run-e2e.sh            (from anywhere; builds the jars if they are missing)
# Knobs (environment): CONNS=64 SIZE=1024 DEPTH=1 DURATION=20 WARMUP=5 BINARY=0 THREADS=2 (load tool threads)
#   SERVERS="rfc6455 netty javawebsocket"   which servers, in order
#   JAVA=java                                the JVM for servers and load tool
#   BUILD_DIR=/tmp/mybuild                   build with -Drfc6455.buildDir=$BUILD_DIR/<module> instead of target/
#   BENCH_JAR=... SERVER_JAR=...             use these jars as they are
#   SERVER_OPTS="" LOAD_OPTS=""              extra JVM options for the servers / the load tool
# Each server first gets a WARMUP-second load run (not reported), then the measured run of DURATION seconds; the
# CPU it spends during the measured run divided by the messages echoed in it is its CPU per message.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
CONNS=${CONNS:-64}
SIZE=${SIZE:-1024}
DEPTH=${DEPTH:-1}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
BINARY=${BINARY:-0}
THREADS=${THREADS:-2}
SERVERS=${SERVERS:-"rfc6455 netty javawebsocket"}
SERVER_OPTS=${SERVER_OPTS:-}
LOAD_OPTS=${LOAD_OPTS:-}

if [[ -n "${BUILD_DIR:-}" ]]; then
    BENCH_JAR=${BENCH_JAR:-$BUILD_DIR/benchmarks/benchmarks.jar}
    SERVER_JAR=${SERVER_JAR:-$BUILD_DIR/protocol-nio-server/protocol-nio-server.jar}
    MVN_BUILD_DIR=(-Drfc6455.buildDir="$BUILD_DIR/\${project.artifactId}")
else
    BENCH_JAR=${BENCH_JAR:-benchmarks/target/benchmarks.jar}
    SERVER_JAR=${SERVER_JAR:-protocol-nio-server/target/protocol-nio-server.jar}
    MVN_BUILD_DIR=()
fi

build() { # module
    echo "# building $1" >&2
    mvn -B -q -DskipTests "${MVN_BUILD_DIR[@]}" -pl "$1" -am package >&2
}
[[ -f "$BENCH_JAR" ]] || build benchmarks
if [[ " $SERVERS " == *" rfc6455 "* && ! -f "$SERVER_JAR" ]]; then
    build protocol-nio-server || true
fi

CLK_TCK=$(getconf CLK_TCK)
cpu_seconds() { # pid -> utime+stime of that process in seconds
    awk -v tck="$CLK_TCK" '{ sub(/^.*\) /, ""); print ($12 + $13) / tck }' "/proc/$1/stat"
}

LOG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rfc6455-e2e.XXXXXX")
SERVER_PID=
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

start_server() { # name -> sets SERVER_PID and PORT
    local name=$1 out="$LOG_DIR/$1.out"
    case "$name" in
        rfc6455)
            if [[ ! -f "$SERVER_JAR" ]]; then
                echo "# $SERVER_JAR is missing; skipping rfc6455" >&2
                return 1
            fi
            # shellcheck disable=SC2086
            $JAVA $SERVER_OPTS -jar "$SERVER_JAR" echo --host 127.0.0.1 --port 0 --no-deflate >"$out" 2>"$LOG_DIR/$name.err" &
            ;;
        netty | javawebsocket)
            # shellcheck disable=SC2086
            $JAVA $SERVER_OPTS -cp "$BENCH_JAR" io.github.rfc6455.bench.PeerServer "$name" 0 127.0.0.1 >"$out" 2>"$LOG_DIR/$name.err" &
            ;;
        *)
            echo "# unknown server $name" >&2
            return 1
            ;;
    esac
    SERVER_PID=$!
    PORT=
    for _ in $(seq 300); do
        PORT=$(sed -n 's#^listening on wss\{0,1\}://[^ ]*:\([0-9][0-9]*\)/$#\1#p' "$out" | head -n 1)
        [[ -n "$PORT" ]] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "# $name did not print 'listening on ws://HOST:PORT/'; its output:" >&2
    cat "$out" "$LOG_DIR/$name.err" >&2 || true
    cleanup
    SERVER_PID=
    return 1
}

load() { # port seconds -> RESULT line on stdout, tool diagnostics to the log
    local args=(--url "ws://127.0.0.1:$1/" --conns "$CONNS" --size "$SIZE" --depth "$DEPTH" --duration "$2"
        --warmup 0 --threads "$THREADS")
    [[ "$BINARY" == 1 ]] && args+=(--binary)
    # shellcheck disable=SC2086
    $JAVA $LOAD_OPTS -cp "$BENCH_JAR" io.github.rfc6455.bench.LoadTool "${args[@]}" 2>>"$LOG_DIR/load.err" | grep '^RESULT' || true
}

field() { # line key
    sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

echo "# e2e: conns=$CONNS size=$SIZE depth=$DEPTH binary=$BINARY warmup=${WARMUP}s duration=${DURATION}s; $($JAVA -version 2>&1 | head -n 1); $(nproc) CPUs"
echo "# logs in $LOG_DIR"
ROWS=()
for name in $SERVERS; do
    start_server "$name" || continue
    echo "# $name listening on port $PORT (pid $SERVER_PID)"
    load "$PORT" "$WARMUP" >/dev/null
    before=$(cpu_seconds "$SERVER_PID")
    result=$(load "$PORT" "$DURATION")
    after=$(cpu_seconds "$SERVER_PID")
    tool_cpu=$(sed -n 's/^load: process CPU time \([0-9.]*\) s$/\1/p' "$LOG_DIR/load.err" | tail -n 1)
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
    if [[ -z "$result" ]]; then
        echo "# $name: the load tool printed no RESULT (see $LOG_DIR/load.err)"
        continue
    fi
    echo "# $name: $result"
    msgs=$(field "$result" msgs)
    server_cpu=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", a - b }')
    cpu_per_msg=$(awk -v c="$server_cpu" -v m="$msgs" 'BEGIN { printf "%.2f", (m > 0 ? c * 1e6 / m : 0) }')
    ROWS+=("$name $(field "$result" msgs_per_s) $(field "$result" MiB_per_s) $(field "$result" p50_us) $(field "$result" p99_us) $(field "$result" errors) $server_cpu $cpu_per_msg ${tool_cpu:-?}")
done

echo
printf '%-14s %12s %10s %10s %10s %7s %11s %13s %10s %12s %12s\n' server msgs_per_s MiB_per_s p50_us p99_us errors \
    server_cpu_s cpu_us_per_msg tool_cpu_s rfc_tput_x rfc_cpu_x
ref_tput=
ref_cpu=
for row in "${ROWS[@]}"; do
    read -r name tput mib p50 p99 errors scpu cpm tcpu <<<"$row"
    if [[ "$name" == rfc6455 ]]; then
        ref_tput=$tput
        ref_cpu=$cpm
    fi
done
for row in "${ROWS[@]}"; do
    read -r name tput mib p50 p99 errors scpu cpm tcpu <<<"$row"
    # rfc_tput_x: rfc6455's msgs/s divided by this server's (>1: rfc6455 faster)
    # rfc_cpu_x: this server's CPU per message divided by rfc6455's (>1: rfc6455 cheaper)
    tx=$(awk -v r="${ref_tput:-0}" -v t="$tput" 'BEGIN { if (r > 0 && t > 0) printf "%.2f", r / t; else print "-" }')
    cx=$(awk -v r="${ref_cpu:-0}" -v c="$cpm" 'BEGIN { if (r > 0 && c > 0) printf "%.2f", c / r; else print "-" }')
    printf '%-14s %12s %10s %10s %10s %7s %11s %13s %10s %12s %12s\n' "$name" "$tput" "$mib" "$p50" "$p99" "$errors" \
        "$scpu" "$cpm" "$tcpu" "$tx" "$cx"
done
