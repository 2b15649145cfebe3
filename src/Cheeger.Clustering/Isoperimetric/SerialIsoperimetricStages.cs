using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>The reference's stages, each as the spec writes it, on the calling thread: Prim, the serial decision procedure, the plain nearest scan.</summary>
internal sealed class SerialIsoperimetricStages : IIsoperimetricStages
{
    /// <summary>The reference builds its tree by Prim only.</summary>
    public static readonly IReadOnlyList<SpanningTreeAlgorithm> Offered = [SpanningTreeAlgorithm.Auto, SpanningTreeAlgorithm.Prim];

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees => Offered;

    /// <inheritdoc/>
    public SpanningTree SpanningTree(Dataset data, SpanningTreeAlgorithm algorithm, IProgress<IsoperimetricProgress>? progress, CancellationToken cancellation) =>
        PrimTreeBuilder.Build(data, progress, cancellation);

    /// <inheritdoc/>
    public double[] GraphDegree(Dataset data, FlowKernel kernel, double sigma, CancellationToken cancellation) =>
        Isoperimetric.GraphDegree.Compute(data, kernel, sigma, cancellation);

    /// <inheritdoc/>
    public ITreeDecider Decider(WeightedTree tree) => new SerialTreeDecider(tree);

    /// <inheritdoc/>
    public int[] NearestFill(Dataset data, int[] labels) => NearestClusterFill.Fill(data, labels);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
