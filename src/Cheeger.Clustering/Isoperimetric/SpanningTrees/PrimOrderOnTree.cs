namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>
/// Prim's insertion order recovered from the tree's own edges: Prim from vertex 0 on the tree alone. Prim on the
/// complete graph takes at each step the least edge across its cut, which is a tree edge, so the least tree edge
/// across the same cut is the same edge: the parent, d² and order equal <see cref="PrimTreeBuilder"/>'s. O(n log n).
/// </summary>
internal static class PrimOrderOnTree
{
    /// <summary>The tree rooted at vertex 0 in Prim's order, from edges between vertices.</summary>
    /// <exception cref="InvalidOperationException">the edges are not a spanning tree of n vertices.</exception>
    public static SpanningTree Build(int n, TreeEdges edges) => Build(n, edges, null);

    /// <summary>
    /// The tree rooted at vertex 0 in Prim's order, from edges between elements that <paramref name="vertexOf"/> maps
    /// to vertices (null: the elements are the vertices). The walk runs over the elements, so a renumbering that keeps
    /// neighbours close (the kd-tree's positions) keeps it in cache; the edge order compares the vertices.
    /// </summary>
    /// <exception cref="InvalidOperationException">the edges are not a spanning tree of n vertices.</exception>
    public static SpanningTree Build(int n, TreeEdges edges, int[]? vertexOf)
    {
        if (edges.Count != n - 1) throw NotATree($"{edges.Count} edges for {n} vertices");
        // Adjacency lists (CSR): each element's neighbours and the lengths of the edges to them.
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
        var frontier = new FrontierHeap(n);
        int Vertex(int element) => vertexOf is null ? element : vertexOf[element];
        void Grow(int element)
        {
            grown[element] = true;
            int vertex = Vertex(element);
            for (int i = start[element]; i < start[element + 1]; i++)
            {
                int other = neighbour[i];
                if (!grown[other]) frontier.Push(new FrontierEdge(neighbourLength[i], vertex, Vertex(other), other));
            }
        }

        int rootElement = vertexOf is null ? 0 : Array.IndexOf(vertexOf, 0);
        if (rootElement < 0) throw NotATree("no element is vertex 0");
        parent[0] = -1;
        Grow(rootElement);
        int joined = 1;
        while (frontier.TryPop(out var least))
        {
            // In a tree every vertex is offered once, by its parent; a second offer means a cycle.
            if (grown[least.Element]) throw NotATree($"a cycle through vertex {least.Vertex}");
            parent[least.Vertex] = least.Parent;
            squaredLength[least.Vertex] = least.SquaredLength;
            order[joined++] = least.Vertex;
            Grow(least.Element);
        }
        if (joined != n) throw NotATree($"{n - joined} vertices unreached from vertex 0");
        return SpanningTree.FromPrim(parent, squaredLength, order);
    }

    private static InvalidOperationException NotATree(string why) => new($"The spanning-tree edges do not form a spanning tree: {why}.");

    /// <summary>
    /// An edge from the grown set (vertex <see cref="Parent"/>) to <see cref="Vertex"/> outside it, which is element
    /// <see cref="Element"/>; the two vertices are kept as (min, max), the edge order's tie-break.
    /// </summary>
    private readonly struct FrontierEdge(double squaredLength, int parent, int vertex, int element)
    {
        public readonly double SquaredLength = squaredLength;
        public readonly int Low = Math.Min(parent, vertex);
        public readonly int High = Math.Max(parent, vertex);
        public readonly int Vertex = vertex;
        public readonly int Element = element;

        public int Parent => Low ^ High ^ Vertex;

        /// <summary>The edge order (spec §2.2).</summary>
        public bool Precedes(in FrontierEdge other) =>
            SquaredLength < other.SquaredLength
            || (SquaredLength == other.SquaredLength && (Low < other.Low || (Low == other.Low && High < other.High)));
    }

    /// <summary>A binary min-heap of frontier edges under the edge order (strict and total, so the pops are one sequence).</summary>
    private sealed class FrontierHeap(int capacity)
    {
        private readonly FrontierEdge[] _items = new FrontierEdge[Math.Max(1, capacity)];
        private int _count;

        public void Push(in FrontierEdge edge)
        {
            var items = _items;
            int i = _count++;
            while (i > 0)
            {
                int up = (i - 1) >> 1;
                if (!edge.Precedes(items[up])) break;
                items[i] = items[up];
                i = up;
            }
            items[i] = edge;
        }

        public bool TryPop(out FrontierEdge least)
        {
            if (_count == 0)
            {
                least = default;
                return false;
            }
            var items = _items;
            least = items[0];
            var last = items[--_count];
            int count = _count, i = 0;
            while (true)
            {
                int child = 2 * i + 1;
                if (child >= count) break;
                if (child + 1 < count && items[child + 1].Precedes(items[child])) child++;
                if (!items[child].Precedes(last)) break;
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
            return true;
        }
    }
}
