namespace Cheeger.Interop;

/// <summary>
/// The tree stages of an isoperimetric run or of the spanning-tree stage, one entry per point: Prim's tree
/// (parent, depth, sibling rank, insertion order, squared and plain edge lengths) and the graph model on it
/// (flow of each parent edge, vertex weight, potential).
/// </summary>
public sealed class CheegerIsoTreeArrays
{
    private CheegerIsoTreeArrays(int n)
    {
        Parent = new int[n];
        Depth = new int[n];
        SiblingRank = new int[n];
        Order = new int[n];
        SquaredEdgeLength = new double[n];
        EdgeLength = new double[n];
        ParentFlow = new double[n];
        VertexWeight = new double[n];
        Potential = new double[n];
    }

    /// <summary>Arrays for <paramref name="n"/> points.</summary>
    public static CheegerIsoTreeArrays Allocate(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return new CheegerIsoTreeArrays(n);
    }

    /// <summary>Number of points.</summary>
    public int Count => Parent.Length;

    /// <summary>Prim's parent of each point; −1 for the root (point 0).</summary>
    public int[] Parent { get; }

    /// <summary>Depth of each point (root 0).</summary>
    public int[] Depth { get; }

    /// <summary>Rank of each point among its parent's children, in insertion order.</summary>
    public int[] SiblingRank { get; }

    /// <summary>Prim's insertion order.</summary>
    public int[] Order { get; }

    /// <summary>d² of each point's parent edge, exactly as Prim compared it; 0 for the root.</summary>
    public double[] SquaredEdgeLength { get; }

    /// <summary>The square root of <see cref="SquaredEdgeLength"/>.</summary>
    public double[] EdgeLength { get; }

    /// <summary>φ of each parent edge; 0 for the root (filled by a run only).</summary>
    public double[] ParentFlow { get; }

    /// <summary>ω of each point (filled by a run only).</summary>
    public double[] VertexWeight { get; }

    /// <summary>ψ of each point (filled by a run only).</summary>
    public double[] Potential { get; }
}
