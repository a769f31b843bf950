using ResourceMap.Graph;

namespace ResourceMap.Bench;

/// <summary>Erdős–Rényi G(n, m) graphs from a fixed seed, the shape bench/peers/make_graph.py writes for the peers.</summary>
public static class RandomGraphs
{
    public static CompactGraph Gnm(int vertices, int edges, int seed, bool weighted = false)
    {
        var random = new Random(seed);
        var seen = new HashSet<long>();
        var builder = new GraphBuilder(vertices, directed: false);
        while (seen.Count < edges)
        {
            int a = random.Next(vertices), b = random.Next(vertices);
            if (a == b || !seen.Add((long)Math.Min(a, b) * vertices + Math.Max(a, b))) continue;
            builder.AddEdge(a, b, weighted ? 1.0 / random.Next(1, 6) : 1);
        }
        return builder.Build();
    }

    /// <summary>G(n, m) as a network snapshot: actors 1..n, ties of strength 1–5, as the service analyses them.</summary>
    public static ResourceMap.Graph.Network.NetworkSnapshot Network(int vertices, int edges, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<long>();
        var ties = new List<ResourceMap.Graph.Network.Tie>();
        while (seen.Count < edges)
        {
            int a = random.Next(vertices), b = random.Next(vertices);
            if (a == b || !seen.Add((long)Math.Min(a, b) * vertices + Math.Max(a, b))) continue;
            ties.Add(new(ties.Count + 1, a + 1, b + 1, "Cooperation", random.Next(1, 6), false, null, null));
        }
        var actors = Enumerable.Range(1, vertices).Select(i => new ResourceMap.Graph.Network.Actor(i, $"Actor {i}", "Association", null, null, null, [], [], [])).ToList();
        return new(1, actors, ties);
    }
}
