namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>The n − 1 edges of a spanning tree in the order found, each with its squared length as compared.</summary>
internal sealed class TreeEdges(int n)
{
    private readonly int[] _a = new int[Math.Max(0, n - 1)];
    private readonly int[] _b = new int[Math.Max(0, n - 1)];
    private readonly double[] _squaredLength = new double[Math.Max(0, n - 1)];

    /// <summary>Number of edges so far.</summary>
    public int Count { get; private set; }

    /// <summary>One end of each edge.</summary>
    public ReadOnlySpan<int> A => _a.AsSpan(0, Count);

    /// <summary>The other end.</summary>
    public ReadOnlySpan<int> B => _b.AsSpan(0, Count);

    /// <summary>d² of each edge.</summary>
    public ReadOnlySpan<double> SquaredLength => _squaredLength.AsSpan(0, Count);

    /// <summary>Adds edge (a, b) of squared length <paramref name="squaredLength"/>.</summary>
    /// <exception cref="InvalidOperationException">the tree has all its n − 1 edges already.</exception>
    public void Add(int a, int b, double squaredLength)
    {
        if (Count == _a.Length) throw new InvalidOperationException("A spanning tree of n vertices has n − 1 edges; one more was found.");
        _a[Count] = a;
        _b[Count] = b;
        _squaredLength[Count] = squaredLength;
        Count++;
    }
}
