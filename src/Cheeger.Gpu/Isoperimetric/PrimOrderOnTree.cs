using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// Prim's insertion order recovered from the n − 1 edges of the minimum spanning tree (as the native CUDA
/// backend does after its Borůvka rounds). Prim on the full graph adds, at every step, the least edge leaving
/// the grown set; under the strict edge order that edge is a tree edge, so Prim run on the tree alone, from
/// vertex 0 with the same order, adds the same vertices through the same parents in the same sequence. The
/// tree therefore equals the reference's bit for bit. O(n log n) on the host.
/// </summary>
internal static class PrimOrderOnTree
{
    /// <summary>The spanning tree (parents, squared parent-edge lengths, insertion order) of the edges (a[e], b[e]) of squared length d2[e].</summary>
    /// <exception cref="InvalidOperationException">the edges do not form a spanning tree of n vertices.</exception>
    public static SpanningTree Recover(int n, ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<double> d2)
    {
        if (a.Length != n - 1 || b.Length != n - 1 || d2.Length != n - 1)
            throw new InvalidOperationException($"The spanning-tree edges do not form a spanning tree: {a.Length} edges for {n} vertices.");
        // Adjacency lists (CSR): each vertex's neighbours and the squared lengths of the edges to them.
        var start = new int[n + 1];
        for (int e = 0; e < a.Length; e++)
        {
            if ((uint)a[e] >= (uint)n || (uint)b[e] >= (uint)n || a[e] == b[e])
                throw new InvalidOperationException($"The spanning-tree edges do not form a spanning tree: edge {e} = ({a[e]}, {b[e]}).");
            start[a[e] + 1]++;
            start[b[e] + 1]++;
        }
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        var fill = start[..^1];
        var neighbour = new int[2 * a.Length];
        var neighbourLength = new double[2 * a.Length];
        for (int e = 0; e < a.Length; e++)
        {
            int atA = fill[a[e]]++, atB = fill[b[e]]++;
            neighbour[atA] = b[e];
            neighbourLength[atA] = d2[e];
            neighbour[atB] = a[e];
            neighbourLength[atB] = d2[e];
        }

        var parent = new int[n];
        var squaredLength = new double[n];
        var order = new int[n];
        var grown = new bool[n];
        var frontier = new PriorityQueue<int, FrontierEdge>(FrontierEdge.Comparer);
        void Grow(int v)
        {
            grown[v] = true;
            for (int i = start[v]; i < start[v + 1]; i++)
            {
                int other = neighbour[i];
                if (!grown[other]) frontier.Enqueue(other, new FrontierEdge(neighbourLength[i], v, other));
            }
        }

        parent[0] = -1;
        Grow(0);
        int joined = 1;
        while (frontier.TryDequeue(out int vertex, out var edge))
        {
            // In a tree every vertex is offered once, by its parent; a second offer means a cycle.
            if (grown[vertex]) throw new InvalidOperationException($"The spanning-tree edges do not form a spanning tree: a cycle through vertex {vertex}.");
            parent[vertex] = edge.Parent;
            squaredLength[vertex] = edge.SquaredLength;
            order[joined++] = vertex;
            Grow(vertex);
        }
        if (joined != n)
            throw new InvalidOperationException($"The spanning-tree edges do not form a spanning tree: {n - joined} vertices unreached from vertex 0.");
        return SpanningTree.FromPrim(parent, squaredLength, order);
    }

    /// <summary>An edge from the grown set (<see cref="Parent"/>) to a vertex outside it.</summary>
    private readonly record struct FrontierEdge(double SquaredLength, int Parent, int Vertex)
    {
        public static IComparer<FrontierEdge> Comparer { get; } = Comparer<FrontierEdge>.Create((x, y) =>
            EdgeOrder.Precedes(x.SquaredLength, x.Parent, x.Vertex, y.SquaredLength, y.Parent, y.Vertex) ? -1
            : EdgeOrder.Precedes(y.SquaredLength, y.Parent, y.Vertex, x.SquaredLength, x.Parent, x.Vertex) ? 1
            : 0);
    }
}
