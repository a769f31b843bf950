"""Reads a GEXF or GraphML file with Debian's networkx (python3-networkx 2.8) and prints what it found as JSON:
{"directed", "mode", "nodes": {id: attributes}, "edges": [{"source", "target", **attributes}]}.

networkx 2.8 knows GEXF up to 1.2draft; 1.3 differs in its namespace alone, and networkx 3.0 and later read it by
registering exactly that entry, which is done here when it is missing. An open spell bound, which networkx 2.8 reads
as the text "None", is given as null."""
import json
import sys

import networkx as nx
from networkx.readwrite.gexf import GEXF

kind, path = sys.argv[1], sys.argv[2]
if kind == "gexf":
    if "1.3" not in GEXF.versions:
        GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    graph = nx.read_gexf(path, version="1.3")
else:
    graph = nx.read_graphml(path)


def plain(data):
    out = dict(data)
    if "spells" in out:
        out["spells"] = [[None if b == "None" else b for b in spell] for spell in out["spells"]]
    return out


edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else ((s, t, None, d) for s, t, d in graph.edges(data=True))
print(json.dumps({
    "networkx": nx.__version__,
    "directed": graph.is_directed(),
    "mode": graph.graph.get("mode"),
    "nodes": {node: plain(data) for node, data in graph.nodes(data=True)},
    "edges": [dict(plain(data), source=s, target=t) for s, t, _, data in edges],
}, ensure_ascii=False))
