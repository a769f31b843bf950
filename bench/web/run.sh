#!/usr/bin/env bash
# Web app benchmark: first render and panning of RESOURCES resources (with twice as many ties) in Debian's Chromium,
# against the server in Release on a seeded database, without map tiles (none are reachable offline).
# Usage: bench/web/run.sh [RESOURCES=1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000}
command -v chromium >/dev/null || { sudo -n apt-get install -y chromium >/dev/null 2>&1 || apt-get install -y chromium >/dev/null; }
(cd tests/conformance && [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund >/dev/null)
dotnet build -c Release src/Api >/dev/null
dotnet build -c Release bench/ResourceMap.Bench >/dev/null

data=$(mktemp -d)
dotnet bench/ResourceMap.Bench/bin/Release/net10.0/ResourceMap.Bench.dll seed "$data" "$count" >/dev/null
port=5097
ASPNETCORE_ENVIRONMENT=Production dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll --urls "http://127.0.0.1:$port" \
  --Database:DataFolder "$data" --Database:DemoData false --RateLimit:PermitsPerSecond 0 --Web:TileUrl "" --Logging:LogLevel:Default Warning >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/graphql?sdl" && break; sleep 0.2; done

echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $count resources, Chromium $(chromium --version 2>/dev/null | awk '{print $2}')"
node bench/web/measure.mjs "http://127.0.0.1:$port/"
