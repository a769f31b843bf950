#!/usr/bin/python3
"""Reads an edge list and computes betweenness with python3-igraph (C core), as a peer for the analyze command."""
import csv
import sys

import igraph

with open(sys.argv[1]) as f:
    rows = list(csv.reader(f))[1:]
ids = {}
edges = [(ids.setdefault(a, len(ids)), ids.setdefault(b, len(ids))) for a, b in rows]
g = igraph.Graph(n=len(ids), edges=edges, directed=False)
b = g.betweenness(directed=False)
print(len(b), max(b))
