#!/usr/bin/python3
"""Writes a random graph as an edge list: make_graph.py VERTICES EDGES SEED OUT.csv (G(n, m), Erdős–Rényi)."""
import random
import sys

n, m, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
edges = set()
while len(edges) < m:
    a, b = rng.randrange(n), rng.randrange(n)
    if a != b:
        edges.add((min(a, b), max(a, b)))
with open(out, "w") as f:
    f.write("source,target\n")
    for a, b in sorted(edges):
        f.write(f"{a},{b}\n")
