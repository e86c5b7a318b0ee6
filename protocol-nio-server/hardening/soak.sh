#!/usr/bin/env bash
# A mixed-load soak of the echo server, sampling its heap after a full GC every 10 s:
#
#   protocol-nio-server/hardening/soak.sh [MINUTES]        (default 10)
#
# Load, each in a JVM of its own: LoadTool with 32 connections of 128-byte text messages, LoadTool with 4
# connections of 64 KiB binary messages, and HardeningClients.java misbehave (slowloris heads, clients that never read,
# clients that vanish, ping and pong floods, oversized and malformed frames, deflate bombs) all the while. Every 10 s:
# `jcmd PID GC.run` then `GC.heap_info`, printed as "t=SECONDS used=KiB". At the end: the load results, the attack
# counts, descriptors and threads before and after (and which differ), "heap after GC: min .. median .. max .. last"
# over the samples after the first minute (warm-up), and the heap after GC once the load ended. Needs protocol-nio-server.jar and benchmarks.jar (mvn -B -DskipTests package, or
# SERVER_JAR=... BENCH_JAR=...). Not part of CI.
set -euo pipefail
minutes=${1:-10}
seconds=$(( minutes * 60 ))
source "$(dirname "$0")/common.sh"
need_jar "$BENCH_JAR"

start_server rfc6455 --threads 2
sleep 1
jcmd "$server_pid" GC.run >/dev/null   # the attach listener's socket and thread belong to the baseline
fd0=$(fds "$server_pid"); th0=$(threads "$server_pid")
ls -l /proc/"$server_pid"/fd | awk 'NR > 1 {print $NF}' | sed 's/[0-9]\+/N/g' | sort >"$work/fds0"
url="ws://127.0.0.1:$port/"
java -cp "$BENCH_JAR" io.github.rfc6455.bench.LoadTool --url "$url" --conns 32 --size 128 --depth 2 \
    --duration "$seconds" --threads 1 >"$work/load-small.out" 2>&1 &
pids+=($!); small=$!
java -cp "$BENCH_JAR" io.github.rfc6455.bench.LoadTool --url "$url" --conns 4 --size 65536 --binary --depth 1 \
    --duration "$seconds" --threads 1 >"$work/load-large.out" 2>&1 &
pids+=($!); large=$!
java "$CLIENTS" misbehave "$url" "$seconds" >"$work/misbehave.out" 2>&1 &
pids+=($!); bad=$!

samples=()
begin=$SECONDS
next=10
while (( next <= seconds )); do
  (( SECONDS - begin < next )) && sleep $(( next - (SECONDS - begin) ))
  jcmd "$server_pid" GC.run >/dev/null
  used=$(jcmd "$server_pid" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)
  t=$(( SECONDS - begin ))
  echo "t=${t}s used=${used}KiB"
  if (( t > 60 || seconds <= 60 )) && (( t <= seconds )); then samples+=("$used"); fi
  next=$(( (t / 10 + 1) * 10 ))
done
wait "$small" "$large" "$bad" || true
sockets() { ls -l /proc/"$1"/fd | grep -c 'socket:' || true; }
sockets0=$(grep -c 'socket:' "$work/fds0" || true)
sleep 1   # the last jcmd's attach connection
for _ in $(seq 1 60); do   # connections in their closing handshake get up to the close timeout (5 s)
  [ "$(sockets "$server_pid")" -le "$sockets0" ] && break
  sleep 0.5
done
fd1=$(fds "$server_pid"); th1=$(threads "$server_pid")   # before jcmd opens its next attach connection
ls -l /proc/"$server_pid"/fd | awk 'NR > 1 {print $NF}' | sed 's/[0-9]\+/N/g' | sort >"$work/fds1"
jcmd "$server_pid" GC.run >/dev/null
after_load=$(jcmd "$server_pid" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)
echo "load (small text):  $(grep '^RESULT' "$work/load-small.out" || tail -3 "$work/load-small.out")"
echo "load (64 KiB binary): $(grep '^RESULT' "$work/load-large.out" || tail -3 "$work/load-large.out")"
echo "attacks: $(cat "$work/misbehave.out")"
echo "server fds: $fd0 before, $fd1 after; threads: $th0 before, $th1 after"
cmp -s "$work/fds0" "$work/fds1" || { echo "descriptors that differ:"; diff "$work/fds0" "$work/fds1" | grep '^[<>]' || true; }
printf '%s\n' "${samples[@]}" | sort -n | awk '
  { v[NR] = $1 } END { printf "heap after GC over %d samples: min %.1f MiB, median %.1f MiB, max %.1f MiB, last %.1f MiB\n",
      NR, v[1] / 1024, v[int((NR + 1) / 2)] / 1024, v[NR] / 1024, last / 1024 }' last="${samples[${#samples[@]}-1]}"
echo "heap after GC once the load ended: $(( after_load / 1024 )) MiB"
kill -0 "$server_pid" 2>/dev/null && echo "server alive"
