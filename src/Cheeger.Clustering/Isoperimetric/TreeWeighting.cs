using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The graph model on the spanning tree (spec §2.3–2.5): σ, the flow of every tree edge, the vertex weights
/// and the potentials, gathered into a <see cref="WeightedTree"/>. O(n), except for graph weights (O(n²D)).
/// </summary>
public static class TreeWeighting
{
    /// <summary>
    /// σ of the flow kernel: the user's σ when given; otherwise s · (Σ_{v≠root} d(v, par v)) / (n − 1), summed in
    /// increasing v, and 1 when that is not positive (all points equal, or n = 1).
    /// </summary>
    /// <exception cref="ClusteringInputException">the mean edge length overflows.</exception>
    public static double Sigma(SpanningTree tree, IsoperimetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sigma is { } given) return given;
        int n = tree.Count;
        if (n == 1) return 1;
        double sum = 0;
        for (int v = 0; v < n; v++)
        {
            if (tree.Parent[v] >= 0) sum += tree.EdgeLength[v];
        }
        double sigma = options.SigmaScale * (sum / (n - 1));
        if (!double.IsFinite(sigma))
            throw ClusteringInputException.ForOptions(o => $"σ = s × mean tree edge length overflows a double; rescale the data or give {o(nameof(IsoperimetricOptions.Sigma))}.");
        if (sigma <= 0) return 1;
        if (options.Kernel == FlowKernel.Gauss && !IsoperimetricOptions.GaussSigmaInRange(sigma))
            throw ClusteringInputException.ForOptions(o =>
                $"σ = s × mean tree edge length = {sigma} is out of range for {o(nameof(IsoperimetricOptions.Kernel))} gauss (σ² is not a positive finite double); rescale the data or give {o(nameof(IsoperimetricOptions.Sigma))}.");
        return sigma;
    }

    /// <summary>Builds the weighted tree of <paramref name="data"/> on its spanning tree (serial).</summary>
    public static WeightedTree Build(Dataset data, SpanningTree tree, double sigma, IsoperimetricOptions options,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return Build(tree, sigma, options, () => GraphDegree.Compute(data, options.Kernel, sigma, cancellation));
    }

    /// <summary>Builds the weighted tree; <paramref name="graphDegree"/>, the only costly part, is called for graph weights only.</summary>
    internal static WeightedTree Build(SpanningTree tree, double sigma, IsoperimetricOptions options, Func<double[]> graphDegree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(options);
        int n = tree.Count;
        var parentFlow = new double[n];
        for (int v = 0; v < n; v++)
        {
            if (tree.Parent[v] >= 0) parentFlow[v] = FlowKernels.Flow(options.Kernel, tree.SquaredEdgeLength[v], sigma);
        }

        double[] weight = options.Weight switch
        {
            VertexWeight.Tree => TreeDegree(tree, parentFlow),
            VertexWeight.Unit => Enumerable.Repeat(1.0, n).ToArray(),
            VertexWeight.Graph => graphDegree(),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Weight, "Unknown vertex weight."),
        };
        double[] potential = Potentials(tree, parentFlow, options.Beta);
        return WeightedTree.FromSpanningTree(tree, parentFlow, weight, potential);
    }

    /// <summary>
    /// ω(v) = pflow(v) + Σ_{c ∈ ch(v)} pflow(c), added in this order; 1 for a lone vertex. Sibling ranks are
    /// insertion ranks, so walking Prim's order adds every vertex's children in sibling order.
    /// </summary>
    private static double[] TreeDegree(SpanningTree tree, double[] parentFlow)
    {
        int n = tree.Count;
        if (n == 1) return [1.0];
        var weight = (double[])parentFlow.Clone();
        for (int t = 1; t < n; t++)
        {
            int v = tree.Order[t];
            weight[tree.Parent[v]] += parentFlow[v];
        }
        return weight;
    }

    /// <summary>ψ(v) = β · (1 − the largest flow on an edge at v) (spec §2.5); 0 when β = 0 or n = 1.</summary>
    private static double[] Potentials(SpanningTree tree, double[] parentFlow, double beta)
    {
        int n = tree.Count;
        var potential = new double[n];
        if (beta == 0 || n == 1) return potential;
        var largest = (double[])parentFlow.Clone();     // 0 for the root, which has a child when n > 1
        for (int v = 0; v < n; v++)
        {
            int p = tree.Parent[v];
            if (p >= 0) largest[p] = Math.Max(largest[p], parentFlow[v]);
        }
        for (int v = 0; v < n; v++) potential[v] = beta * (1 - largest[v]);
        return potential;
    }
}
