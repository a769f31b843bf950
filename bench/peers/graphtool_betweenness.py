#!/usr/bin/python3
"""Reads an edge list and computes betweenness with python3-graph-tool (parallel C++), as a peer for the analyze command."""
import csv
import sys

import graph_tool.all as gt

with open(sys.argv[1]) as f:
    rows = list(csv.reader(f))[1:]
ids = {}
edges = [(ids.setdefault(a, len(ids)), ids.setdefault(b, len(ids))) for a, b in rows]
g = gt.Graph(directed=False)
g.add_vertex(len(ids))
g.add_edge_list(edges)
vb, _ = gt.betweenness(g, norm=False)
print(g.num_vertices(), vb.a.max())
