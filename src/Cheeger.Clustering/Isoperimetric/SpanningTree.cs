namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The minimum spanning tree of the points under the strict edge order (d², min, max), rooted at vertex 0,
/// as Prim builds it (spec §2.2). Every backend must produce exactly this tree.
/// </summary>
public sealed class SpanningTree
{
    /// <summary>Parent of each vertex; −1 for the root.</summary>
    public required int[] Parent { get; init; }

    /// <summary>Length d(v, par v) of each vertex's parent edge (the square root of <see cref="SquaredEdgeLength"/>); 0 for the root.</summary>
    public required double[] EdgeLength { get; init; }

    /// <summary>Squared length d²(v, par v) of each vertex's parent edge, exactly as Prim compared it; 0 for the root.</summary>
    public required double[] SquaredEdgeLength { get; init; }

    /// <summary>Depth of each vertex (root 0).</summary>
    public required int[] Depth { get; init; }

    /// <summary>Rank of each vertex among its parent's children, in insertion order.</summary>
    public required int[] SiblingRank { get; init; }

    /// <summary>Prim's insertion order; every parent precedes its children.</summary>
    public required int[] Order { get; init; }

    /// <summary>Number of vertices.</summary>
    public int Count => Parent.Length;

    /// <summary>
    /// Completes a tree from Prim's output: the parent and squared parent-edge length of each vertex and the
    /// insertion order. Depth and sibling rank follow from the order (spec §2.2: when u joins,
    /// depth(u) = depth(par u) + 1 and sib(u) = nchild(par u)++).
    /// </summary>
    /// <exception cref="ClusteringInputException">a tree edge is infinitely long (the coordinates are so large that a squared distance overflows).</exception>
    internal static SpanningTree FromPrim(int[] parent, double[] squaredEdgeLength, int[] order)
    {
        int n = parent.Length;
        var depth = new int[n];
        var sibling = new int[n];
        var childCount = new int[n];
        var length = new double[n];
        for (int t = 1; t < n; t++)
        {
            int u = order[t];
            int p = parent[u];
            depth[u] = depth[p] + 1;
            sibling[u] = childCount[p]++;
            if (!double.IsFinite(squaredEdgeLength[u]))
                throw new ClusteringInputException(
                    $"The squared distance between points {p} and {u} overflows a double; rescale the data (for example with standardisation).");
            length[u] = Math.Sqrt(squaredEdgeLength[u]);
        }
        return new SpanningTree
        {
            Parent = parent,
            EdgeLength = length,
            SquaredEdgeLength = squaredEdgeLength,
            Depth = depth,
            SiblingRank = sibling,
            Order = order,
        };
    }
}
