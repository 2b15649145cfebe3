namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The minimum spanning tree of the points under the strict edge order (d², min, max), rooted at vertex 0,
/// as Prim builds it (spec §2.2). Every backend must produce exactly this tree.
/// </summary>
public sealed class SpanningTree
{
    /// <summary>Parent of each vertex; −1 for the root.</summary>
    public required int[] Parent { get; init; }

    /// <summary>Length d(v, par v) of each vertex's parent edge; 0 for the root.</summary>
    public required double[] EdgeLength { get; init; }

    /// <summary>Depth of each vertex (root 0).</summary>
    public required int[] Depth { get; init; }

    /// <summary>Rank of each vertex among its parent's children, in insertion order.</summary>
    public required int[] SiblingRank { get; init; }

    /// <summary>Prim's insertion order; every parent precedes its children.</summary>
    public required int[] Order { get; init; }

    /// <summary>Number of vertices.</summary>
    public int Count => Parent.Length;
}
