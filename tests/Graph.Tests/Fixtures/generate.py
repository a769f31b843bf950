#!/usr/bin/python3
"""Writes the expected metric values of every fixture graph, computed by networkx.

Run with Debian's python3-networkx (2.8): /usr/bin/python3 tests/Graph.Tests/Fixtures/generate.py
The JSON files it writes are committed, so the tests need no Python.
"""
import json
import math
import os
import random

import networkx as nx
from networkx.algorithms import community as nxc

HERE = os.path.dirname(os.path.abspath(__file__))
assert nx.__version__.startswith("2.8"), f"expected networkx 2.8, found {nx.__version__}"


def fixture(name, rows, directed=False, weighted=False, isolates=()):
    """rows: (source, target) or (source, target, weight), as an edge-list file would hold them, duplicates included."""
    G = nx.DiGraph() if directed else nx.Graph()
    for r in rows:
        if weighted:
            G.add_edge(str(r[0]), str(r[1]), weight=float(r[2]))
        else:
            G.add_edge(str(r[0]), str(r[1]))
    for v in isolates:
        G.add_node(str(v))
    w = "weight" if weighted else None
    U = G.to_undirected() if directed else G

    betweenness = nx.betweenness_centrality(G, normalized=False, weight=w)
    normalized = nx.betweenness_centrality(G, normalized=True, weight=w)
    closeness = nx.closeness_centrality(G)
    harmonic = nx.harmonic_centrality(G)
    clustering = nx.clustering(G)
    constraint = nx.constraint(G)
    effective = nx.effective_size(G)
    components = [sorted(c) for c in nx.connected_components(U)]
    largest = max(components, key=len)
    main = U.subgraph(largest)
    reference = [sorted(c) for c in nxc.louvain_communities(U, seed=1, weight=None)]

    def num(x):
        return None if isinstance(x, float) and math.isnan(x) else x

    data = {
        "name": name,
        "directed": directed,
        "weighted": weighted,
        "rows": [[str(r[0]), str(r[1])] + ([float(r[2])] if weighted else []) for r in rows],
        "isolates": [str(v) for v in isolates],
        "nodes": {
            v: {
                "degree": G.degree(v),
                "betweenness": betweenness[v],
                "betweennessNormalized": normalized[v],
                "closeness": closeness[v],
                "harmonic": harmonic[v],
                "clustering": clustering[v],
                "constraint": num(constraint[v]),
                "effectiveSize": num(effective[v]),
            }
            for v in G.nodes
        },
        "articulationPoints": sorted(nx.articulation_points(U)),
        "bridges": sorted(sorted(e) for e in nx.bridges(U)),
        "components": sorted(components, key=lambda c: (-len(c), c)),
        "density": nx.density(G),
        "averagePathLength": nx.average_shortest_path_length(main) if len(largest) > 1 else 0,
        "diameter": nx.diameter(main) if len(largest) > 1 else 0,
        "referencePartition": reference,
        "referenceModularity": nxc.modularity(U, reference, weight=None),
    }
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)


def edges(G):
    return [(u, v) for u, v in G.edges()]


rng = random.Random(20261123)
fixture("path", edges(nx.path_graph(7)))
fixture("star", edges(nx.star_graph(7)))
fixture("complete", edges(nx.complete_graph(6)))
fixture("cycle", edges(nx.cycle_graph(9)))
fixture("tree", edges(nx.random_tree(30, seed=7)))
fixture("sparse-random", edges(nx.gnm_random_graph(40, 55, seed=3)))
fixture("dense-random", edges(nx.gnm_random_graph(22, 170, seed=4)))
fixture("karate", edges(nx.karate_club_graph()))
fixture("barbell", edges(nx.barbell_graph(5, 3)))
fixture("disconnected-with-isolates",
        edges(nx.path_graph(5)) + [(10, 11), (11, 12), (12, 10), (20, 21)], isolates=[30, 31, 32])
fixture("duplicate-ties",
        [("Draudzība-K", "Saskarsme", 2), ("Saskarsme", "FORTE", 1), ("Draudzība-K", "Saskarsme", 1),
         ("FORTE", "Olimpiskais centrs", 1), ("Saskarsme", "Olimpiskais centrs", 3), ("Saskarsme", "FORTE", 2),
         ("Olimpiskais centrs", "Ūdenszīmes", 1)], weighted=True)
# A grid whose weights 1 and 2 make many shortest paths of equal length.
grid = nx.grid_2d_graph(5, 5)
fixture("weighted-equal-paths", [(f"{a[0]}-{a[1]}", f"{b[0]}-{b[1]}", 1 + (a[0] + b[1]) % 2) for a, b in grid.edges()], weighted=True)
# Strengths 1..5 as distances 1/strength, as the service weighs ties.
fixture("weighted-random", [(u, v, 1 / rng.randint(1, 5)) for u, v in nx.gnm_random_graph(35, 80, seed=5).edges()], weighted=True)
fixture("directed-random", edges(nx.gnm_random_graph(30, 90, seed=6, directed=True)), directed=True)
fixture("directed-weighted", [(u, v, rng.randint(1, 4)) for u, v in nx.gnm_random_graph(25, 70, seed=8, directed=True).edges()],
        directed=True, weighted=True)
# Past one batch of 64 searches and with searches ending at different levels: Brandes' searches run 64 at a time.
fixture("batches-undirected", edges(nx.gnm_random_graph(300, 700, seed=9)), isolates=(300, 301))
fixture("batches-directed", edges(nx.gnm_random_graph(200, 900, seed=10, directed=True)), directed=True)
