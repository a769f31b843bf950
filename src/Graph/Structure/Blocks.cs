namespace ResourceMap.Graph.Structure;

/// <summary>
/// The biconnected components (blocks) of the undirected view of a graph, each with how many actors reach it through
/// each of its vertices: by Hopcroft and Tarjan's depth-first search with low points and a stack of vertices
/// (J. Hopcroft &amp; R. Tarjan, CACM 16(6), 1973). Iterative; O(n + m) time and memory. Two blocks share at most one
/// vertex (a cut vertex), so a block's ties are all the ties among its vertices. Isolated vertices are in no block.
/// </summary>
public static class Blocks
{
    /// <param name="Vertices">The block's vertices.</param>
    /// <param name="Reach">For each of them, the actors of the component that reach the block through it, itself
    /// included: 1 for a vertex of no other block, more for a cut vertex (everything hanging on it outside the block).</param>
    /// <param name="ComponentSize">Actors in the block's connected component (the sum of <paramref name="Reach"/>).</param>
    public sealed record Block(int[] Vertices, int[] Reach, int ComponentSize);

    public static List<Block> Compute(CompactGraph graph)
    {
        var g = graph.ToUndirected();
        var n = g.VertexCount;
        var preorder = new int[n];
        var low = new int[n];
        var subtree = new int[n];
        var hanging = new int[n]; // actors in the child subtrees that start a block of their own below the vertex
        var parentEdge = new int[n];
        var cursor = new int[n];
        var callStack = new int[n];
        var vertexStack = new int[n];
        Array.Fill(preorder, -1);
        var blocks = new List<Block>();
        var counter = 0;

        for (var root = 0; root < n; root++)
        {
            if (preorder[root] >= 0) continue;
            int top = 0, stacked = 0;
            var firstBlock = blocks.Count;
            var tops = new List<(int Block, int Child)>(); // a block's top vertex reaches it with everything outside the child's subtree
            Visit(root, -1);
            while (top > 0)
            {
                var v = callStack[top - 1];
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
                var parent = callStack[top - 1];
                low[parent] = Math.Min(low[parent], low[v]);
                subtree[parent] += subtree[v];
                if (low[v] < preorder[parent]) continue;
                // v's subtree above any deeper block, with parent, is a block.
                hanging[parent] += subtree[v];
                var members = new List<int>();
                int u;
                do
                {
                    u = vertexStack[--stacked];
                    members.Add(u);
                } while (u != v);
                var reach = members.Select(m => 1 + hanging[m]).ToList();
                members.Add(parent);
                reach.Add(0); // set once the component's size is known
                tops.Add((blocks.Count, v));
                blocks.Add(new Block(members.ToArray(), reach.ToArray(), 0));
            }
            var size = subtree[root];
            for (var i = firstBlock; i < blocks.Count; i++) blocks[i] = blocks[i] with { ComponentSize = size };
            foreach (var (block, child) in tops) blocks[block].Reach[^1] = size - subtree[child];

            void Visit(int v, int viaEdge)
            {
                preorder[v] = low[v] = counter++;
                subtree[v] = 1;
                parentEdge[v] = viaEdge;
                cursor[v] = g.Offsets[v];
                callStack[top++] = v;
                vertexStack[stacked++] = v;
            }
        }
        return blocks;
    }
}
