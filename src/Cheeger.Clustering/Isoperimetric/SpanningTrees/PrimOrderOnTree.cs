namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>
/// Prim's insertion order recovered from the tree's own edges: Prim from vertex 0 on the tree alone. Prim on the
/// complete graph takes at each step the least edge across its cut, which is a tree edge, so the least tree edge
/// across the same cut is the same edge: the parent, d² and order equal <see cref="PrimTreeBuilder"/>'s. O(n log n).
/// </summary>
internal static class PrimOrderOnTree
{
    /// <summary>The tree rooted at vertex 0 in Prim's order.</summary>
    /// <exception cref="InvalidOperationException">the edges are not a spanning tree of n vertices.</exception>
    public static SpanningTree Build(int n, TreeEdges edges)
    {
        if (edges.Count != n - 1) throw NotATree($"{edges.Count} edges for {n} vertices");
        // Adjacency lists (CSR): each vertex's neighbours and the lengths of the edges to them.
        var start = new int[n + 1];
        var a = edges.A;
        var b = edges.B;
        for (int e = 0; e < edges.Count; e++)
        {
            if ((uint)a[e] >= (uint)n || (uint)b[e] >= (uint)n || a[e] == b[e]) throw NotATree($"edge {e} = ({a[e]}, {b[e]})");
            start[a[e] + 1]++;
            start[b[e] + 1]++;
        }
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        var fill = start.AsSpan(0, n).ToArray();
        var neighbour = new int[2 * edges.Count];
        var neighbourLength = new double[2 * edges.Count];
        var lengths = edges.SquaredLength;
        for (int e = 0; e < edges.Count; e++)
        {
            int atA = fill[a[e]]++, atB = fill[b[e]]++;
            neighbour[atA] = b[e];
            neighbourLength[atA] = lengths[e];
            neighbour[atB] = a[e];
            neighbourLength[atB] = lengths[e];
        }

        var parent = new int[n];
        var squaredLength = new double[n];
        var order = new int[n];
        var grown = new bool[n];
        var frontier = new PriorityQueue<FrontierEdge, FrontierEdge>(FrontierEdge.ByEdgeOrder.Instance);
        void Grow(int v)
        {
            grown[v] = true;
            for (int i = start[v]; i < start[v + 1]; i++)
            {
                int other = neighbour[i];
                if (!grown[other])
                {
                    var edge = new FrontierEdge(neighbourLength[i], v, other);
                    frontier.Enqueue(edge, edge);
                }
            }
        }

        parent[0] = -1;
        Grow(0);
        int joined = 1;
        while (frontier.TryDequeue(out var least, out _))
        {
            // In a tree every vertex is offered once, by its parent; a second offer means a cycle.
            if (grown[least.Vertex]) throw NotATree($"a cycle through vertex {least.Vertex}");
            parent[least.Vertex] = least.Parent;
            squaredLength[least.Vertex] = least.SquaredLength;
            order[joined++] = least.Vertex;
            Grow(least.Vertex);
        }
        if (joined != n) throw NotATree($"{n - joined} vertices unreached from vertex 0");
        return SpanningTree.FromPrim(parent, squaredLength, order);
    }

    private static InvalidOperationException NotATree(string why) => new($"The spanning-tree edges do not form a spanning tree: {why}.");

    /// <summary>An edge from the grown set (<see cref="Parent"/>) to a vertex outside it.</summary>
    private readonly record struct FrontierEdge(double SquaredLength, int Parent, int Vertex)
    {
        /// <summary>The priority queue's order: the edge order (the least comes out first).</summary>
        public sealed class ByEdgeOrder : IComparer<FrontierEdge>
        {
            public static readonly ByEdgeOrder Instance = new();

            // The edge order is strict and total, so one comparison settles every pair but an edge and itself.
            public int Compare(FrontierEdge x, FrontierEdge y) =>
                x == y ? 0 : EdgeOrder.Precedes(x.SquaredLength, x.Parent, x.Vertex, y.SquaredLength, y.Parent, y.Vertex) ? -1 : 1;
        }
    }
}
