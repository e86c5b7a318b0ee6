#!/usr/bin/env bash
# Heap per idle WebSocket connection of an echo server, measured from the heap after a full GC:
#
#   protocol-nio-server/hardening/idle-heap.sh [N] [rfc6455|netty|javawebsocket]     (default 10000 rfc6455)
#
# Starts the server (rfc6455: protocol-nio-server.jar echo; the peers: benchmarks.jar PeerServer), takes a class
# histogram (which forces a full GC) with no connection, opens N idle connections from a separate JVM
# (HardeningClients.java idle), takes a second histogram, and prints (after - before) / N and the classes that grew
# most, per connection. Needs the jars: mvn -B -DskipTests package (or SERVER_JAR=... BENCH_JAR=...).
set -euo pipefail
n=${1:-10000}
impl=${2:-rfc6455}
source "$(dirname "$0")/common.sh"

start_server "$impl"
sleep 1
jcmd "$server_pid" GC.class_histogram >"$work/before.txt"
before=$(awk '/^Total/ {print $3}' "$work/before.txt")

mkfifo "$work/hold"
java -Xss256k "$CLIENTS" idle "ws://127.0.0.1:$port/" "$n" <"$work/hold" >"$work/clients.out" 2>&1 &
clients_pid=$!
pids+=("$clients_pid")
exec 3>"$work/hold"   # keeps the clients' standard input open: they hold their connections until it closes
for _ in $(seq 1 600); do
  grep -q '^open' "$work/clients.out" 2>/dev/null && break
  kill -0 "$clients_pid" 2>/dev/null || { cat "$work/clients.out" >&2; exit 1; }
  sleep 0.5
done
grep -q "^open $n\$" "$work/clients.out" || { echo "clients: $(cat "$work/clients.out")" >&2; exit 1; }
sleep 2
jcmd "$server_pid" GC.class_histogram >"$work/after.txt"
after=$(awk '/^Total/ {print $3}' "$work/after.txt")
server_fds=$(fds "$server_pid")
server_threads=$(threads "$server_pid")
exec 3>&-

echo "server: $impl, idle connections: $n, server fds: $server_fds, server threads: $server_threads"
echo "live heap after full GC: before $before bytes, with $n connections $after bytes"
awk -v b="$before" -v a="$after" -v n="$n" 'BEGIN { printf "heap per idle connection: %.0f bytes (%.2f KiB)\n", (a-b)/n, (a-b)/n/1024 }'
echo "classes that grew most (bytes per connection, instances per connection, class):"
awk -v n="$n" '
  FNR == NR && $1 ~ /^[0-9]+:$/ { bb[$4] = $3; bi[$4] = $2; next }
  $1 ~ /^[0-9]+:$/ { d = $3 - bb[$4]; if (d > 0) printf "%10.1f %8.2f  %s\n", d / n, ($2 - bi[$4]) / n, $4 }
' "$work/before.txt" "$work/after.txt" | sort -rn | head -15
