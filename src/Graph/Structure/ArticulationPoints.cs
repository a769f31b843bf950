namespace ResourceMap.Graph.Structure;

/// <summary>
/// Articulation points (cut vertices) and bridges (cut edges) of the undirected view of a graph, by Hopcroft and
/// Tarjan's depth-first search with low points (J. Hopcroft &amp; R. Tarjan, "Efficient algorithms for graph manipulation",
/// CACM 16(6), 1973). Iterative, so deep chains cannot overflow the stack. O(n + m) time and memory. For each
/// articulation point it also gives the groups its removal would cut off: every part left without it except the largest.
/// </summary>
public static class ArticulationPoints
{
    public sealed record CutVertex(int Vertex, IReadOnlyList<int[]> CutOffGroups);

    public sealed record Result(IReadOnlyList<CutVertex> CutVertices, IReadOnlyList<(int A, int B)> Bridges)
    {
        public bool[] Flags(int vertexCount)
        {
            var flags = new bool[vertexCount];
            foreach (var c in CutVertices) flags[c.Vertex] = true;
            return flags;
        }

        /// <summary>The search tree: each vertex's preorder number, subtree size and component's first preorder number.</summary>
        internal (int[] Preorder, int[] SubtreeSize, int[] VertexAt, int[] ComponentStart) Tree { get; init; }

        /// <summary>
        /// The side of the bridge <paramref name="a"/>–<paramref name="b"/> with fewer vertices (<paramref name="b"/>'s
        /// on a tie), sorted: the child's subtree or the rest of the component, both preorder intervals, so O(side + log).
        /// </summary>
        public int[] SmallerSide(int a, int b)
        {
            var (preorder, subtreeSize, vertexAt, componentStart) = Tree;
            var child = preorder[a] > preorder[b] ? a : b;
            var start = componentStart[child];
            var componentSize = subtreeSize[vertexAt[start]];
            var below = subtreeSize[child];
            var sideOfB = child == b ? below : componentSize - below;
            var takeSubtree = (child == b) == (sideOfB <= componentSize - sideOfB);
            var side = takeSubtree
                ? vertexAt.AsSpan(preorder[child], below).ToArray()
                : [.. vertexAt.AsSpan(start, preorder[child] - start), .. vertexAt.AsSpan(preorder[child] + below, start + componentSize - preorder[child] - below)];
            Array.Sort(side);
            return side;
        }
    }

    /// <param name="graph">The graph; directed edges count as undirected.</param>
    /// <param name="withGroups">List the groups each cut vertex cuts off (O(component) per cut vertex); off, only flags.</param>
    public static Result Compute(CompactGraph graph, bool withGroups = true)
    {
        var g = graph.ToUndirected();
        var n = g.VertexCount;
        var preorder = new int[n];
        var low = new int[n];
        var subtreeSize = new int[n];
        var parentEdge = new int[n];
        var vertexAt = new int[n];
        var componentStartOf = new int[n];
        Array.Fill(preorder, -1);
        var cursor = new int[n];
        var stack = new int[n];
        var cutVertices = new List<CutVertex>();
        var bridges = new List<(int, int)>();
        var counter = 0;

        for (var root = 0; root < n; root++)
        {
            if (preorder[root] >= 0) continue;
            var componentStart = counter;
            var top = 0;
            Visit(root, -1);
            while (top > 0)
            {
                var v = stack[top - 1];
                if (cursor[v] < g.Offsets[v + 1])
                {
                    var k = cursor[v]++;
                    var w = g.Targets[k];
                    if (g.EdgeIds[k] == parentEdge[v]) continue;
                    if (preorder[w] < 0) Visit(w, g.EdgeIds[k]);
                    else low[v] = Math.Min(low[v], preorder[w]);
                    continue;
                }
                top--;
                if (top == 0) continue;
                var parent = stack[top - 1];
                low[parent] = Math.Min(low[parent], low[v]);
                subtreeSize[parent] += subtreeSize[v];
                if (low[v] > preorder[parent]) bridges.Add((Math.Min(parent, v), Math.Max(parent, v)));
            }
            CollectCutVertices(g, componentStart, counter);

            void Visit(int v, int viaEdge)
            {
                preorder[v] = low[v] = counter;
                vertexAt[counter++] = v;
                componentStartOf[v] = componentStart;
                subtreeSize[v] = 1;
                parentEdge[v] = viaEdge;
                cursor[v] = g.Offsets[v];
                stack[top++] = v;
            }
        }
        return new Result(cutVertices, bridges) { Tree = (preorder, subtreeSize, vertexAt, componentStartOf) };

        // A vertex u cuts off the subtree of each DFS child c with low[c] >= pre[u]; the rest of its component stays
        // together. Subtrees are preorder intervals, so parts are found by size first and listed only when asked for.
        void CollectCutVertices(CompactGraph g, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var u = vertexAt[i];
                var isRoot = i == start;
                var intervals = new List<(int From, int Length)>();
                for (var k = g.Offsets[u]; k < g.Offsets[u + 1]; k++)
                {
                    var c = g.Targets[k];
                    if (parentEdge[c] != g.EdgeIds[k] || preorder[c] <= preorder[u]) continue; // not a tree child of u
                    if (!isRoot && low[c] < preorder[u]) continue;
                    intervals.Add((preorder[c], subtreeSize[c]));
                }
                if (isRoot ? intervals.Count < 2 : intervals.Count == 0) continue;
                if (!withGroups)
                {
                    cutVertices.Add(new CutVertex(u, []));
                    continue;
                }
                var parts = intervals.Select(iv => vertexAt.AsSpan(iv.From, iv.Length).ToArray()).ToList();
                // The rest of the component (above u) is listed only when it may not be the largest part, which is the one
                // left out: listing it for every cut vertex made a tree-like network quadratic.
                var rest = end - start - 1 - intervals.Sum(iv => iv.Length);
                if (!isRoot && rest <= intervals.Max(iv => iv.Length))
                {
                    var inParts = new HashSet<int>(intervals.SelectMany(iv => Enumerable.Range(iv.From, iv.Length)));
                    parts.Add(Enumerable.Range(start, end - start).Where(j => j != i && !inParts.Contains(j)).Select(j => vertexAt[j]).ToArray());
                }
                else if (!isRoot)
                {
                    foreach (var p in parts) Array.Sort(p);
                    cutVertices.Add(new CutVertex(u, parts.OrderByDescending(p => p.Length).ThenBy(p => p[0]).ToList()));
                    continue;
                }
                foreach (var p in parts) Array.Sort(p);
                var largest = parts.OrderByDescending(p => p.Length).ThenBy(p => p[0]).First();
                cutVertices.Add(new CutVertex(u, parts.Where(p => p != largest).OrderByDescending(p => p.Length).ThenBy(p => p[0]).ToList()));
            }
        }
    }
}
