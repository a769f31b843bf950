#!/usr/bin/env bash
# Scale benchmark (issue 18): a network of N actors and TIES ties (default 3N) on the server in Release, as a new user
# meets it. Reports the first network answer on a cold server, then for each of 20 edits (ties and resources created,
# changed, deleted) the latency of the next `network { isolatedGroups bridgingActors … }` and
# `resources(first: 50) { metrics { betweenness role } }` answers (p50, p95, max) and the time until the analysis is
# current again, and the server's resident memory. The cold answers are measured once the server says it is ready
# (/health/ready), as a load balancer would send them. Targets at 30,000 actors with 100,000 ties: every answer ≤ 1 s
# (p95 ≤ 300 ms), no TIMEOUT, current again within 5 s, RSS ≤ 1 GB.
# Usage: bench/scale/run.sh [N=10000] [TIES=3N] [EDITS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-10000}
ties=${2:-$((3 * count))}
edits=${3:-20}
dotnet build -c Release src/Api >/dev/null
dotnet build -c Release bench/ResourceMap.Bench >/dev/null

data=$(mktemp -d)
started=$(date +%s)
area=$(dotnet bench/ResourceMap.Bench/bin/Release/net10.0/ResourceMap.Bench.dll seed "$data" "$count" "$ties")
echo "seeded $count actors and $ties ties in $(( $(date +%s) - started )) s"
token=$(dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll token create --user bench-admin --role admin --Database:DataFolder "$data")
area_id=$(node -e "console.log(Buffer.from('Area:$area').toString('base64'))")
port=5096
ASPNETCORE_ENVIRONMENT=Production dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll --urls "http://127.0.0.1:$port" \
  --Database:DataFolder "$data" --Database:DemoData false --RateLimit:PermitsPerSecond 0 --Backup:Every 00:00:00 \
  --Logging:LogLevel:Default Warning >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
# As a load balancer would: requests are sent once the server says it is ready (the network read, its structure built).
launched=$(date +%s%N)
until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
  kill -0 $server 2>/dev/null || { echo "the server stopped" >&2; exit 1; }
  sleep 0.1
done
echo "ready $(( ($(date +%s%N) - launched) / 1000000 )) ms after the server was started"

echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Node $(node --version), $count actors, $ties ties"
node bench/scale/measure.mjs "http://127.0.0.1:$port" "$token" "$server" "$area_id" "$edits"
