#!/usr/bin/env bash
# Import benchmark: 20,000 resources and 40,000 ties (N=20000) from XLSX and from CSV into an empty database, with the
# import command (every rule, all or nothing, one history batch), reporting the time and the peak memory; beside them,
# in the same run, sqlite3's .import of the same CSV rows into plain tables: the floor, with no validation at all.
# Target: the XLSX import under 30 s and 500 MB. Needs Debian's python3-openpyxl, sqlite3 and time (GNU).
# Usage: bench/import/run.sh [N=20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-20000}
dotnet build -c Release src/Api >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 bench/import/make_lists.py "$work" "$n"
api=src/Api/bin/Release/net10.0/ResourceMap.Api.dll
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $n resources, $((2 * n)) ties; $(du -h "$work/saraksts.xlsx" | cut -f1) XLSX"

measure() { # label, then the command; prints seconds and peak resident memory
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err"; exit 1; }
  read -r seconds kilobytes < "$work/time"
  printf '%-34s %7.2f s  %6d MB   %s\n' "$label" "$seconds" $((kilobytes / 1024)) "$(tail -c 160 "$work/out" | tr '\n' ' ')"
}

# An empty database with its areas (the demo's), as a municipality starts: the demo loaded (by a command that reads an
# empty list), then its resources, ties and history deleted.
head -1 "$work/resursi.csv" > "$work/empty.csv"
fresh() {
  local folder=$1
  dotnet "$api" import "$work/empty.csv" --dry-run --Database:DataFolder "$folder" > /dev/null
  sqlite3 "$folder/resourcemap.db" "DELETE FROM Relationships; DELETE FROM Resources; DELETE FROM Changes;"
}

fresh "$work/xlsx"; measure "import XLSX" dotnet "$api" import "$work/saraksts.xlsx" --Database:DataFolder "$work/xlsx"
fresh "$work/csv";  measure "import CSV (+ --ties)" dotnet "$api" import "$work/resursi.csv" --ties "$work/saites.csv" --Database:DataFolder "$work/csv"
measure "import XLSX again (all unchanged)" dotnet "$api" import "$work/saraksts.xlsx" --Database:DataFolder "$work/xlsx"
measure "sqlite3 .import (floor)" sqlite3 "$work/floor.db" ".mode csv" ".separator ;" ".import $work/resursi.csv resources" ".import $work/saites.csv ties" "SELECT count(*) FROM resources; SELECT count(*) FROM ties;"
