#!/usr/bin/env bash
# Reliability benchmark: MINUTES of mixed reads and writes at RATE requests/s from a separate process on loopback,
# against the server with the demo data in a fresh data folder. Prints throughput, latency, errors and the server's
# memory at the start and the end (targets: no errors, memory growth under 10 %).
# Usage: bench/soak/run.sh [MINUTES=10] [RATE=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-10}; rate=${2:-20}

dotnet build -c Release src/Api >/dev/null
dotnet build -c Release bench/ResourceMap.Bench >/dev/null
data=$(mktemp -d)
port=5098
server_dll=src/Api/bin/Release/net10.0/ResourceMap.Api.dll
ASPNETCORE_ENVIRONMENT=Production dotnet "$server_dll" --urls "http://127.0.0.1:$port" --Database:DataFolder "$data" \
  --RateLimit:PermitsPerSecond 0 --Logging:LogLevel:Default Warning &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/graphql?sdl" && break; sleep 0.2; done
token=$(dotnet "$server_dll" token create --user soak --role worker --municipality "Cēsu novads" --Database:DataFolder "$data")
# A minute of the same mix first, so that the start's memory is the warmed-up server's, not the cold one's.
dotnet bench/ResourceMap.Bench/bin/Release/net10.0/ResourceMap.Bench.dll soak "http://127.0.0.1:$port" "$token" "$server" 1 "$rate" >/dev/null || true
dotnet bench/ResourceMap.Bench/bin/Release/net10.0/ResourceMap.Bench.dll soak "http://127.0.0.1:$port" "$token" "$server" "$minutes" "$rate"
