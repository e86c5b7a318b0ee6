#!/usr/bin/env bash
# File descriptors and threads of the echo server before and after many connect-exchange-close cycles:
#
#   protocol-nio-server/hardening/cycles.sh [COUNT] [CONCURRENCY]      (default 100000 50)
#
# Each cycle (HardeningClients.java cycles, in a separate JVM): connect, opening handshake, echo one text message,
# closing handshake, close. The baseline is taken after a warm-up of 1,000 cycles (lazily created JVM threads and
# descriptors count as baseline); afterwards the script waits up to 30 s for the counts to settle and prints both.
# Exits 1 when the descriptors are not back to the baseline. Needs protocol-nio-server.jar (or SERVER_JAR=...).
set -euo pipefail
count=${1:-100000}
concurrency=${2:-50}
source "$(dirname "$0")/common.sh"

start_server rfc6455
java "$CLIENTS" cycles "ws://127.0.0.1:$port/" 1000 10 >/dev/null
sleep 2
fd0=$(fds "$server_pid"); th0=$(threads "$server_pid")
cat /proc/"$server_pid"/task/*/comm | sort >"$work/threads0"
echo "baseline after 1000 warm-up cycles: fds $fd0, threads $th0"
start=$(date +%s)
java "$CLIENTS" cycles "ws://127.0.0.1:$port/" "$count" "$concurrency"
echo "took $(( $(date +%s) - start )) s"
for _ in $(seq 1 60); do
  fd1=$(fds "$server_pid"); th1=$(threads "$server_pid")
  [ "$fd1" -le "$fd0" ] && [ "$th1" -le "$th0" ] && break
  sleep 0.5
done
echo "after $count cycles: fds $fd1 (baseline $fd0), threads $th1 (baseline $th0)"
cat /proc/"$server_pid"/task/*/comm | sort >"$work/threads1"
if ! cmp -s "$work/threads0" "$work/threads1"; then
  echo "threads that differ (the JVM starts GC workers and JIT compiler threads lazily and stops them when idle):"
  diff "$work/threads0" "$work/threads1" | grep '^[<>]' || true
fi
echo "live heap after full GC: $(live_bytes "$server_pid") bytes"
[ "$fd1" -le "$fd0" ]
