namespace Cheeger.Interop;

/// <summary>
/// The isoperimetric functions of the C API over spans: lengths are checked here, values by the library
/// (which answers <see cref="CheegerStatus.InvalidArgument"/> naming the problem).
/// </summary>
public static class CheegerIsoperimetric
{
    /// <summary>The most doublings of the search's upper bound before it overflows (from the least subnormal to the largest double).</summary>
    private const int MostBracketDoublings = 2100;

    /// <summary>The library's default parameters (<c>cheeger_iso_params_default</c>).</summary>
    public static unsafe CheegerIsoParams DefaultParameters()
    {
        NativeLibraryLoader.Load();
        CheegerIsoParams parameters;
        NativeStatus.Check(NativeMethods.IsoParamsDefault(&parameters));
        return parameters;
    }

    /// <summary>A probe buffer length that holds every decision of a search with at most <paramref name="maxSearchSteps"/> halvings.</summary>
    public static int ProbeCapacity(int maxSearchSteps) => checked(Math.Max(maxSearchSteps, 0) + 1 + MostBracketDoublings + 1);

    /// <summary>
    /// Runs the whole pipeline on <paramref name="context"/>: n = <paramref name="labels"/>.Length points of
    /// <paramref name="dimension"/> coordinates in <paramref name="points"/> (row-major).
    /// </summary>
    /// <param name="context">The context to run on.</param>
    /// <param name="points">n·d coordinates, row-major.</param>
    /// <param name="dimension">d.</param>
    /// <param name="parameters">The run's parameters (start from <see cref="DefaultParameters"/>).</param>
    /// <param name="labels">Receives each point's cluster, −1 for an outlier (n entries).</param>
    /// <param name="fullLabels">Receives the full labelling (n entries) when parameters.FullLabels = 1; else empty.</param>
    /// <param name="clusterCosts">Receives each cluster's cost (k entries), or empty.</param>
    /// <param name="probes">Receives the first decisions of the search (see <see cref="ProbeCapacity"/>), or empty.</param>
    /// <param name="tree">Receives the tree stages (arrays of n entries), or null.</param>
    /// <returns>What the library reports beside the labels; <c>Decisions</c> may exceed the probes written.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n, d and k.</exception>
    /// <exception cref="CheegerNativeException">The library refused the arguments or failed.</exception>
    public static unsafe CheegerIsoInfo Run(NativeContext context, ReadOnlySpan<double> points, int dimension,
        in CheegerIsoParams parameters, Span<int> labels, Span<int> fullLabels, Span<double> clusterCosts,
        Span<CheegerIsoProbe> probes, CheegerIsoTreeArrays? tree)
    {
        ArgumentNullException.ThrowIfNull(context);
        long n = labels.Length;
        CheckPoints(points, n, dimension);
        if (parameters.FullLabels != 0 && fullLabels.Length != n)
            throw new ArgumentException($"{fullLabels.Length} full labels for n = {n} points.", nameof(fullLabels));
        if (!clusterCosts.IsEmpty && clusterCosts.Length != Math.Max(parameters.K, 0))
            throw new ArgumentException($"{clusterCosts.Length} cluster costs for k = {parameters.K}.", nameof(clusterCosts));
        if (tree is not null && tree.Count != n)
            throw new ArgumentException($"Tree arrays of {tree.Count} entries for n = {n} points.", nameof(tree));

        CheegerIsoInfo info;
        CheegerIsoParams copy = parameters;
        using CheegerContextHandle.Lease lease = context.Handle.Acquire();
        fixed (double* pointsIn = points)
        fixed (int* labelsOut = labels)
        fixed (int* fullOut = fullLabels)
        fixed (double* costsOut = clusterCosts)
        fixed (CheegerIsoProbe* probesOut = probes)
        fixed (int* parent = tree?.Parent)
        fixed (int* depth = tree?.Depth)
        fixed (int* sibling = tree?.SiblingRank)
        fixed (int* order = tree?.Order)
        fixed (double* squared = tree?.SquaredEdgeLength)
        fixed (double* length = tree?.EdgeLength)
        fixed (double* flow = tree?.ParentFlow)
        fixed (double* weight = tree?.VertexWeight)
        fixed (double* potential = tree?.Potential)
        {
            var treeOut = new CheegerIsoTree
            {
                Parent = parent,
                Depth = depth,
                SiblingRank = sibling,
                Order = order,
                SquaredEdgeLength = squared,
                EdgeLength = length,
                ParentFlow = flow,
                VertexWeight = weight,
                Potential = potential,
            };
            NativeStatus.Check(NativeMethods.IsoRun(lease.Context, pointsIn, n, dimension, &copy, labelsOut,
                fullLabels.IsEmpty ? null : fullOut, clusterCosts.IsEmpty ? null : costsOut,
                probes.IsEmpty ? null : probesOut, probes.Length, tree is null ? null : &treeOut, &info));
        }
        return info;
    }

    /// <summary>
    /// The minimum spanning tree stage alone (<c>cheeger_iso_mst</c>) on the points as given, built by
    /// <paramref name="spanningTree"/> (every choice gives the same tree): fills the tree part of <paramref name="tree"/>
    /// (parent, depth, sibling rank, order, squared and plain edge lengths).
    /// </summary>
    /// <exception cref="ArgumentException">The spans do not fit.</exception>
    /// <exception cref="CheegerNativeException">The library refused the arguments or failed.</exception>
    public static unsafe void MinimumSpanningTree(NativeContext context, ReadOnlySpan<double> points, int dimension, CheegerIsoTreeArrays tree,
        CheegerIsoSpanningTree spanningTree = CheegerIsoSpanningTree.Auto)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tree);
        CheckPoints(points, tree.Count, dimension);
        using CheegerContextHandle.Lease lease = context.Handle.Acquire();
        fixed (double* pointsIn = points)
        fixed (int* parent = tree.Parent)
        fixed (int* depth = tree.Depth)
        fixed (int* sibling = tree.SiblingRank)
        fixed (int* order = tree.Order)
        fixed (double* squared = tree.SquaredEdgeLength)
        fixed (double* length = tree.EdgeLength)
        {
            NativeStatus.Check(NativeMethods.IsoMst(lease.Context, pointsIn, tree.Count, dimension, (int)spanningTree, parent, squared, length, depth, sibling, order));
        }
    }

    /// <summary>
    /// The partition stage alone (<c>cheeger_iso_partition</c>) on a weighted tree of n = <paramref name="parent"/>.Length
    /// vertices: the ε search, the k cheapest sets and the labels.
    /// </summary>
    /// <param name="context">The context to run on.</param>
    /// <param name="parent">Parent of each vertex, −1 for the one root.</param>
    /// <param name="parentFlow">Flow of each parent edge (0 at the root).</param>
    /// <param name="vertexWeight">ω of each vertex.</param>
    /// <param name="potential">ψ of each vertex.</param>
    /// <param name="siblingRank">Rank of each vertex among its siblings, or empty (by index).</param>
    /// <param name="order">Parents before children from the root, or empty (breadth first).</param>
    /// <param name="parameters">K, SearchTolerance and MaxSearchSteps are used.</param>
    /// <param name="labels">Receives each vertex's cluster, −1 for an outlier (n entries).</param>
    /// <param name="clusterCosts">Receives each cluster's cost (k entries), or empty.</param>
    /// <returns>Cost, ε, decisions, halvings, depth, outliers and timings.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n.</exception>
    /// <exception cref="CheegerNativeException">The library refused the tree or failed.</exception>
    public static unsafe CheegerIsoInfo Partition(NativeContext context, ReadOnlySpan<int> parent, ReadOnlySpan<double> parentFlow,
        ReadOnlySpan<double> vertexWeight, ReadOnlySpan<double> potential, ReadOnlySpan<int> siblingRank, ReadOnlySpan<int> order,
        in CheegerIsoParams parameters, Span<int> labels, Span<double> clusterCosts)
    {
        ArgumentNullException.ThrowIfNull(context);
        int n = parent.Length;
        if (parentFlow.Length != n || vertexWeight.Length != n || potential.Length != n || labels.Length != n)
            throw new ArgumentException($"Flows, weights, potentials and labels need one entry per vertex (n = {n}).");
        if (!siblingRank.IsEmpty && siblingRank.Length != n) throw new ArgumentException($"{siblingRank.Length} sibling ranks for n = {n}.", nameof(siblingRank));
        if (!order.IsEmpty && order.Length != n) throw new ArgumentException($"An order of {order.Length} entries for n = {n}.", nameof(order));
        if (!clusterCosts.IsEmpty && clusterCosts.Length != Math.Max(parameters.K, 0))
            throw new ArgumentException($"{clusterCosts.Length} cluster costs for k = {parameters.K}.", nameof(clusterCosts));

        CheegerIsoInfo info;
        CheegerIsoParams copy = parameters;
        using CheegerContextHandle.Lease lease = context.Handle.Acquire();
        fixed (int* parentIn = parent)
        fixed (double* flowIn = parentFlow)
        fixed (double* weightIn = vertexWeight)
        fixed (double* potentialIn = potential)
        fixed (int* siblingIn = siblingRank)
        fixed (int* orderIn = order)
        fixed (int* labelsOut = labels)
        fixed (double* costsOut = clusterCosts)
        {
            NativeStatus.Check(NativeMethods.IsoPartition(lease.Context, n, parentIn, flowIn, weightIn, potentialIn,
                siblingRank.IsEmpty ? null : siblingIn, order.IsEmpty ? null : orderIn, &copy, labelsOut,
                clusterCosts.IsEmpty ? null : costsOut, &info));
        }
        return info;
    }

    private static void CheckPoints(ReadOnlySpan<double> points, long n, int dimension)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be at least 1.");
        if (points.Length != n * dimension)
            throw new ArgumentException($"{points.Length} coordinates given for n = {n} points of d = {dimension}.", nameof(points));
    }
}
