#!/usr/bin/env bash
# Times, in one run on one machine, whole processes on the same random graph (10,000 actors, 50,000 ties by default):
#   ours:       ResourceMap.Api analyze (every metric: betweenness, closeness, harmonic, clustering, cut vertices,
#               bridges, components, Louvain, constraint)
#   igraph:     python3-igraph's betweenness alone (C core, one thread)
#   graph-tool: python3-graph-tool's betweenness alone (C++, OpenMP on every core)
# and prints the median of each and our time as a ratio of theirs. Usage: bench/peers/compare.sh [VERTICES EDGES RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
vertices=${1:-10000}
edges=${2:-50000}
runs=${3:-3}

if ! /usr/bin/python3 -c 'import igraph, graph_tool' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-igraph python3-graph-tool >/dev/null
fi
dotnet build src/Api -c Release -v quiet -nologo >/dev/null

graph=$(mktemp --suffix .csv)
/usr/bin/python3 bench/peers/make_graph.py "$vertices" "$edges" 1 "$graph"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() { # name, command...
  local name=$1; shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e" -o /tmp/compare-time "$@" >/dev/null
    cat /tmp/compare-time
  done | median
}

ours=$(measure ours dotnet src/Api/bin/Release/net10.0/ResourceMap.Api.dll analyze "$graph")
igraph=$(measure igraph /usr/bin/python3 bench/peers/igraph_betweenness.py "$graph")
graphtool=$(measure graph-tool /usr/bin/python3 bench/peers/graphtool_betweenness.py "$graph")

echo "graph: G(n=$vertices, m=$edges), median of $runs runs, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf "ours (every metric)          %6.2f s\n" "$ours"
printf "igraph (betweenness only)    %6.2f s   ours/igraph     = %.2f (target <= 0.30)\n" "$igraph" "$(echo "$ours / $igraph" | bc -l)"
printf "graph-tool (betweenness only)%6.2f s   ours/graph-tool = %.2f (target <= 0.20)\n" "$graphtool" "$(echo "$ours / $graphtool" | bc -l)"
rm -f "$graph"
