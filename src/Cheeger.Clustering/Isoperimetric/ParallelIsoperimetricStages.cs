using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The multi-core stages over one persistent worker team: Prim with one barrier per step and SIMD distances (§6.1),
/// graph degrees split by vertex, the depth-by-depth decision procedure in pull form (§6.3) and the full labelling
/// split by outlier. Work is split by worker index only, so every worker count gives the same arrays.
/// </summary>
internal sealed class ParallelIsoperimetricStages(int workers, int minParallelLevelWidth) : IIsoperimetricStages
{
    private readonly WorkerTeam _team = new(workers);

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees { get; } = [SpanningTreeAlgorithm.Auto, SpanningTreeAlgorithm.Prim];

    /// <inheritdoc/>
    public SpanningTree SpanningTree(Dataset data, SpanningTreeAlgorithm algorithm, CancellationToken cancellation) =>
        ParallelPrimTreeBuilder.Build(data, _team, cancellation);

    /// <inheritdoc/>
    public double[] GraphDegree(Dataset data, FlowKernel kernel, double sigma, CancellationToken cancellation) =>
        Isoperimetric.GraphDegree.Compute(data, kernel, sigma, _team, cancellation);

    /// <inheritdoc/>
    public ITreeDecider Decider(WeightedTree tree) => new LevelTreeDecider(tree, _team, minParallelLevelWidth);

    /// <inheritdoc/>
    public int[] NearestFill(Dataset data, int[] labels) => NearestClusterFill.Fill(data, labels, _team);

    /// <inheritdoc/>
    public void Dispose() => _team.Dispose();
}
