#!/usr/bin/env bash
# HTTP load benchmark: the map query through GraphQL against a plain REST endpoint serialising the same data with
# System.Text.Json and an endpoint returning precomputed bytes, each for DURATION seconds with wrk, in one run — on each
# database of PROVIDERS (SQLite, the embedded default, and PostgreSQL with PostGIS on a throwaway cluster), and then a
# within-2-km query over WITHIN resources answered by PostGIS beside the server's in-memory R-tree.
# Usage: [WARMUP=10] [PROVIDERS="sqlite postgresql"] [WITHIN=100000] bench/load/run.sh [DURATION=30] [CONNECTIONS=16] [RESOURCES=500]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30}; connections=${2:-16}; count=${3:-500}
providers=${PROVIDERS:-sqlite postgresql}
within=${WITHIN:-100000}
pgbin=/usr/lib/postgresql/15/bin

install() { sudo -n apt-get install -y "$@" >/dev/null 2>&1 || apt-get install -y "$@" >/dev/null; }
command -v wrk >/dev/null || install wrk
dotnet build -c Release src/Api >/dev/null
dotnet build -c Release bench/ResourceMap.Bench >/dev/null
bench() { dotnet bench/ResourceMap.Bench/bin/Release/net10.0/ResourceMap.Bench.dll "$@"; }

work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/pg/data/postmaster.pid" ] && as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: as root the cluster runs as Debian's postgres user.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_port=
start_postgres() { # a throwaway cluster in the work folder: no system service, stopped and deleted on exit
  [ -x "$pgbin/initdb" ] || install postgresql-15-postgis-3
  mkdir -p "$work/pg"; [ "$(id -u)" = 0 ] && chown postgres "$work" "$work/pg"
  pg_port=$(free_port)
  as_postgres "$pgbin/initdb" -D "$work/pg/data" -U resourcemap --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/log" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
}
new_database() { # name → connection string
  psql -h 127.0.0.1 -p "$pg_port" -U resourcemap -d postgres -qc "CREATE DATABASE $1" >/dev/null
  echo "Host=127.0.0.1;Port=$pg_port;Username=resourcemap;Database=$1"
}

run() { # name, url, [script]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$3" "$2"); else out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$2"); fi
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$1|$rps|$p50|$p99"
}

query='query Map($area: ID) { resources(areaId: $area, first: 500) { nodes { id name kind latitude longitude relationships { id type strength source { id } target { id } } } } }'
results=()
port=5099
for provider in $providers; do
  case $provider in
    sqlite)
      area=$(bench seed "$work/sqlite" "$count" | tail -1)
      database=(--Database:DataFolder "$work/sqlite") ;;
    postgresql)
      [ -n "$pg_port" ] || start_postgres
      connection=$(new_database load)
      area=$(bench seed-postgres "$connection" "$count" | tail -1)
      database=(--Database:Provider PostgreSql --Database:ConnectionString "$connection" --Database:DataFolder "$work/keys") ;;
    *) echo "unknown provider $provider (sqlite, postgresql)" >&2; exit 2 ;;
  esac
  port=$((port + 1))
  ASPNETCORE_ENVIRONMENT=Production dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll --urls "http://127.0.0.1:$port" \
    "${database[@]}" --Database:DemoData false --Benchmark:Endpoints true --RateLimit:PermitsPerSecond 0 --Backup:Every 00:00:00 \
    --Logging:LogLevel:Default Warning &
  servers+=($!)
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$port/graphql?sdl" && break; sleep 0.2; done

  area_id=$(printf 'Area:%s' "$area" | base64)
  export GRAPHQL_BODY=$(printf '{"query":"%s","variables":{"area":"%s"}}' "$query" "$area_id")
  graphql_answer=$(curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d "$GRAPHQL_BODY")
  rest_answer=$(curl -s "http://127.0.0.1:$port/bench/rest/resources?areaId=$area")
  echo "$provider: GraphQL answer ${#graphql_answer} bytes, $(grep -o '"id"' <<<"$graphql_answer" | wc -l) ids; REST answer ${#rest_answer} bytes, $(grep -o '"id"' <<<"$rest_answer" | wc -l) ids"

  # Warm-up, not measured: the JIT's tiered recompilation runs for several seconds after an endpoint's first requests,
  # and would otherwise be charged to whichever endpoint is measured first.
  warmup=${WARMUP:-10}
  if [ "$warmup" -gt 0 ]; then
    wrk -t2 -c"$connections" -d"${warmup}s" -s bench/load/graphql.lua "http://127.0.0.1:$port/graphql" >/dev/null
    wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/bench/rest/resources?areaId=$area" >/dev/null
    wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/bench/precomputed?areaId=$area" >/dev/null
  fi
  results+=("$(run "$provider GraphQL (map query)" "http://127.0.0.1:$port/graphql" bench/load/graphql.lua)")
  results+=("$(run "$provider REST (System.Text.Json)" "http://127.0.0.1:$port/bench/rest/resources?areaId=$area")")
  results+=("$(run "$provider precomputed bytes" "http://127.0.0.1:$port/bench/precomputed?areaId=$area")")
  kill "${servers[-1]}"; wait "${servers[-1]}" 2>/dev/null || true
done

echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $count resources, $connections connections, ${duration}s each"
printf '%-34s %12s %10s %10s\n' endpoint 'requests/s' p50 p99
for line in "${results[@]}"; do IFS='|' read -r name rps p50 p99 <<<"$line"; printf '%-34s %12s %10s %10s\n' "$name" "$rps" "$p50" "$p99"; done
for provider in $providers; do
  g=$(printf '%s\n' "${results[@]}" | awk -F'|' -v p="$provider GraphQL (map query)" '$1 == p {print $2}')
  r=$(printf '%s\n' "${results[@]}" | awk -F'|' -v p="$provider REST (System.Text.Json)" '$1 == p {print $2}')
  echo "$provider: GraphQL / REST throughput $(awk -v g="$g" -v r="$r" 'BEGIN { printf "%.2f", g / r }') (target ≥ 0.5)"
done

if [[ " $providers " == *" postgresql "* && "$within" -gt 0 ]]; then
  echo
  bench within-postgis "$(new_database within)" "$within"
fi
