using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The multi-core stages over one persistent worker pool (<see cref="WorkerPool"/>): Prim with one barrier per step and SIMD distances (§6.1),
/// graph degrees split by vertex, the depth-by-depth decision procedure in pull form (§6.3) and the full labelling
/// split by outlier. Work is split by worker index only, so every worker count gives the same arrays.
/// </summary>
internal sealed class ParallelIsoperimetricStages(int workers, int minParallelLevelWidth) : IIsoperimetricStages
{
    private readonly WorkerPool _pool = new(workers);

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees { get; } = [SpanningTreeAlgorithm.Auto, SpanningTreeAlgorithm.Prim];

    /// <inheritdoc/>
    public SpanningTree SpanningTree(Dataset data, SpanningTreeAlgorithm algorithm, CancellationToken cancellation) =>
        ParallelPrimTreeBuilder.Build(data, _pool, cancellation);

    /// <inheritdoc/>
    public double[] GraphDegree(Dataset data, FlowKernel kernel, double sigma, CancellationToken cancellation) =>
        Isoperimetric.GraphDegree.Compute(data, kernel, sigma, _pool, cancellation);

    /// <inheritdoc/>
    public ITreeDecider Decider(WeightedTree tree) => new LevelTreeDecider(tree, _pool, minParallelLevelWidth);

    /// <inheritdoc/>
    public int[] NearestFill(Dataset data, int[] labels) => NearestClusterFill.Fill(data, labels, _pool);

    /// <inheritdoc/>
    public void Dispose() => _pool.Dispose();
}
