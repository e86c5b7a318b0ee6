#!/usr/bin/env bash
# Acceptance check in a real browser: starts the chat server, opens its page in two headless Chromium tabs, sends a
# message from one and waits for it in both (greeting, relay, rows '#', '>', '<'), and prints the extensions Chromium
# negotiated. Installs Debian's chromium and playwright-core (npm) when missing. Not part of `mvn verify`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
jar="${JAR:-$root/protocol-nio-server/target/protocol-nio-server.jar}"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
command -v chromium >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -q chromium; }
work="${TMPDIR:-/tmp}/rfc6455-browser-check"
mkdir -p "$work"
[ -d "$work/node_modules/playwright-core" ] || (cd "$work" && npm init -y >/dev/null && npm install -q playwright-core@1 >/dev/null)
out="$work/server.out"
java -jar "$jar" chat --host 127.0.0.1 --port 0 > "$out" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^listening on' "$out" && break; sleep 0.1; done
port=$(sed -n 's#^listening on ws://[^:]*:\([0-9]*\)/$#\1#p' "$out")
NODE_PATH="$work/node_modules" node "$here/check.js" "http://localhost:$port/" "$work/chat.png"
echo "screenshot: $work/chat.png"
