#!/usr/bin/env bash
# Abuse benchmark: a signed-in worker's reads and writes, measured alone and then while 8 anonymous attackers (6 over
# HTTP from their own loopback addresses, 2 over WebSockets) send the most expensive requests the limits allow, in one
# run on the demo data. Target: the worker's p99 with the attack at most 2× without, and no failed write.
# Usage: bench/abuse/run.sh [SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
dotnet build -c Release src/Api >/dev/null
data=$(mktemp -d)
port=5098
# The default limits, rate limit included: each attacker is a client of its own.
env ${GC_ENV:-} ASPNETCORE_ENVIRONMENT=Production dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll --urls "http://127.0.0.1:$port" \
  --Database:DataFolder "$data" --Logging:LogLevel:Default Warning &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/graphql?sdl" && break; sleep 0.2; done
token=$(dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll token create --user bench-worker --role worker --municipality Daugavpils --Database:DataFolder "$data")
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Node $(node --version), ${seconds}s per phase"
node --experimental-websocket --no-warnings bench/abuse/abuse.mjs "http://127.0.0.1:$port" "$token" "$seconds"
