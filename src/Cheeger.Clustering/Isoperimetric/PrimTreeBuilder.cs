using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The reference minimum spanning tree (spec §2.2): Prim's algorithm from vertex 0 on the complete Euclidean
/// graph, matrix-free (each step recomputes d²(u, ·) from the points), comparing edges by
/// <see cref="EdgeOrder"/>. O(n²D) time, O(n) extra memory.
/// </summary>
public static class PrimTreeBuilder
{
    /// <summary>Builds the tree of <paramref name="data"/>, rooted at vertex 0.</summary>
    public static SpanningTree Build(Dataset data, CancellationToken cancellation) => Build(data, progress: null, cancellation);

    /// <summary>Builds the tree of <paramref name="data"/>, rooted at vertex 0, reporting every few percent of the vertices joined to <paramref name="progress"/>.</summary>
    public static SpanningTree Build(Dataset data, IProgress<IsoperimetricProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count;
        var parent = new int[n];
        var key = new double[n];            // d² of each vertex's kept edge; the parent edge once it is in the tree
        var inTree = new bool[n];
        var order = new int[n];
        int stride = SpanningTreeProgress.PrimStride(n);

        parent[0] = -1;
        inTree[0] = true;
        order[0] = 0;
        var root = data.Row(0);
        for (int v = 1; v < n; v++)
        {
            key[v] = SquaredDistance.Between(root, data.Row(v));
            parent[v] = 0;
        }

        for (int t = 1; t < n; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            int u = -1;
            for (int v = 1; v < n; v++)
            {
                if (inTree[v]) continue;
                if (u < 0 || EdgeOrder.Precedes(key[v], parent[v], v, key[u], parent[u], u)) u = v;
            }
            inTree[u] = true;
            order[t] = u;
            if (t % stride == 0 || t == n - 1) SpanningTreeProgress.Joined(progress, t + 1, n);

            var row = data.Row(u);
            for (int v = 1; v < n; v++)
            {
                if (inTree[v]) continue;
                double d2 = SquaredDistance.Between(row, data.Row(v));
                if (EdgeOrder.Precedes(d2, u, v, key[v], parent[v], v))
                {
                    key[v] = d2;
                    parent[v] = u;
                }
            }
        }
        return SpanningTree.FromPrim(parent, key, order);
    }
}
