# Shared by the hardening scripts: finding the jars, starting a server and waiting for its port.
# shellcheck shell=bash
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVER_JAR=${SERVER_JAR:-$root/protocol-nio-server/target/protocol-nio-server.jar}
BENCH_JAR=${BENCH_JAR:-$root/benchmarks/target/benchmarks.jar}
CLIENTS=$root/protocol-nio-server/hardening/HardeningClients.java
SERVER_OPTS=${SERVER_OPTS:--Xmx2g}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

need_jar() {
  if [ ! -f "$1" ]; then
    echo "missing $1: build it first (mvn -B -DskipTests package), or set SERVER_JAR / BENCH_JAR" >&2
    exit 2
  fi
}

# start_server rfc6455|netty|javawebsocket [server options...]: sets server_pid and port
start_server() {
  local impl=$1; shift
  if [ "$impl" = rfc6455 ]; then
    need_jar "$SERVER_JAR"
    # shellcheck disable=SC2086
    java $SERVER_OPTS -jar "$SERVER_JAR" echo --host 127.0.0.1 --port 0 "$@" >"$work/server.out" 2>"$work/server.err" &
  else
    need_jar "$BENCH_JAR"
    # shellcheck disable=SC2086
    java $SERVER_OPTS -cp "$BENCH_JAR" io.github.rfc6455.bench.PeerServer "$impl" 0 >"$work/server.out" 2>"$work/server.err" &
  fi
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1 200); do
    if grep -q '^listening on' "$work/server.out" 2>/dev/null; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.err" >&2; exit 1; fi
    sleep 0.1
  done
  port=$(sed -n 's#^listening on wss*://[^:]*:\([0-9]*\)/.*#\1#p' "$work/server.out" | head -1)
  [ -n "$port" ] || { echo "the server did not start" >&2; exit 1; }
}

# live_bytes PID: bytes of live objects after a full GC (the class histogram forces one)
live_bytes() {
  jcmd "$1" GC.class_histogram | awk '/^Total/ {print $3}'
}

fds() { ls "/proc/$1/fd" | wc -l; }
threads() { ls "/proc/$1/task" | wc -l; }
