#!/usr/bin/env bash
# HTTP load benchmark: the map query through GraphQL against a plain REST endpoint serialising the same data with
# System.Text.Json and an endpoint returning precomputed bytes, each for DURATION seconds with wrk, in one run.
# Usage: [WARMUP=10] bench/load/run.sh [DURATION=30] [CONNECTIONS=16] [RESOURCES=500]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30}; connections=${2:-16}; count=${3:-500}

command -v wrk >/dev/null || { sudo -n apt-get install -y wrk >/dev/null 2>&1 || apt-get install -y wrk >/dev/null; }
dotnet build -c Release src/Api >/dev/null
dotnet build -c Release bench/ResourceMap.Bench >/dev/null

data=$(mktemp -d)
area=$(dotnet bench/ResourceMap.Bench/bin/Release/net10.0/ResourceMap.Bench.dll seed "$data" "$count" | tail -1)
port=5099
ASPNETCORE_ENVIRONMENT=Production dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll --urls "http://127.0.0.1:$port" \
  --Database:DataFolder "$data" --Database:DemoData false --Benchmark:Endpoints true --RateLimit:PermitsPerSecond 0 --Logging:LogLevel:Default Warning &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/graphql?sdl" && break; sleep 0.2; done

area_id=$(printf 'Area:%s' "$area" | base64)
query='query Map($area: ID) { resources(areaId: $area, first: 500) { nodes { id name kind latitude longitude relationships { id type strength source { id } target { id } } } } }'
export GRAPHQL_BODY=$(printf '{"query":"%s","variables":{"area":"%s"}}' "$query" "$area_id")

graphql_answer=$(curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d "$GRAPHQL_BODY")
rest_answer=$(curl -s "http://127.0.0.1:$port/bench/rest/resources?areaId=$area")
echo "GraphQL answer: ${#graphql_answer} bytes, $(grep -o '"id"' <<<"$graphql_answer" | wc -l) ids; starts ${graphql_answer:0:120}"
echo "REST answer:    ${#rest_answer} bytes, $(grep -o '"id"' <<<"$rest_answer" | wc -l) ids"

run() { # name, url, [script]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$3" "$2"); else out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$2"); fi
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$1|$rps|$p50|$p99"
}

# Warm-up, not measured: the JIT's tiered recompilation runs for several seconds after an endpoint's first requests,
# and would otherwise be charged to whichever endpoint is measured first.
warmup=${WARMUP:-10}
if [ "$warmup" -gt 0 ]; then
  wrk -t2 -c"$connections" -d"${warmup}s" -s bench/load/graphql.lua "http://127.0.0.1:$port/graphql" >/dev/null
  wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/bench/rest/resources?areaId=$area" >/dev/null
  wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/bench/precomputed?areaId=$area" >/dev/null
fi

graphql=$(run "GraphQL (map query)" "http://127.0.0.1:$port/graphql" bench/load/graphql.lua)
rest=$(run "REST (System.Text.Json)" "http://127.0.0.1:$port/bench/rest/resources?areaId=$area")
ceiling=$(run "Precomputed bytes" "http://127.0.0.1:$port/bench/precomputed?areaId=$area")

echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $count resources, $connections connections, ${duration}s each"
printf '%-26s %12s %10s %10s\n' endpoint 'requests/s' p50 p99
for line in "$graphql" "$rest" "$ceiling"; do IFS='|' read -r name rps p50 p99 <<<"$line"; printf '%-26s %12s %10s %10s\n' "$name" "$rps" "$p50" "$p99"; done
g=$(echo "$graphql" | cut -d'|' -f2); r=$(echo "$rest" | cut -d'|' -f2)
echo "GraphQL / REST throughput: $(awk -v g="$g" -v r="$r" 'BEGIN { printf "%.2f", g / r }') (target ≥ 0.5)"
