using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric.SpanningTrees;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The multi-core stages over one persistent worker pool (<see cref="WorkerPool"/>): the spanning tree by Prim with
/// one barrier per step and SIMD distances (§6.1), by Borůvka, or by the kd-tree Borůvka (the same tree whichever);
/// graph degrees split by vertex, the decision procedure in pull form split by levels (§6.3) or by subtrees, and the full labelling
/// split by outlier. Work is split by worker index or by chunk only, so every worker count gives the same arrays.
/// </summary>
internal sealed class ParallelIsoperimetricStages(int workers, int minParallelLevelWidth, int minSubtreeSplitCount) : IIsoperimetricStages
{
    private readonly WorkerPool _pool = new(workers);

    /// <summary>Every algorithm.</summary>
    public static readonly IReadOnlyList<SpanningTreeAlgorithm> Offered = Enum.GetValues<SpanningTreeAlgorithm>();

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees => Offered;

    /// <inheritdoc/>
    public SpanningTree SpanningTree(Dataset data, SpanningTreeAlgorithm algorithm, IProgress<IsoperimetricProgress>? progress, CancellationToken cancellation)
    {
        if (algorithm == SpanningTreeAlgorithm.Auto) algorithm = SpanningTreeChoice.Automatic(data);
        return algorithm switch
        {
            SpanningTreeAlgorithm.Prim => ParallelPrimTreeBuilder.Build(data, _pool, cancellation, progress),
            SpanningTreeAlgorithm.Boruvka => BruteForceBoruvka.Build(data, _pool, cancellation, progress),
            SpanningTreeAlgorithm.Kdtree => KdTreeBoruvka.Build(data, _pool, cancellation, progress),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a spanning-tree algorithm."),
        };
    }

    /// <inheritdoc/>
    public double[] GraphDegree(Dataset data, FlowKernel kernel, double sigma, CancellationToken cancellation) =>
        Isoperimetric.GraphDegree.Compute(data, kernel, sigma, _pool, cancellation);

    /// <summary>The tree size from which the decisions are split by subtrees (<see cref="SubtreeTreeDecider"/>) rather than by levels.</summary>
    public const int DefaultMinSubtreeSplitCount = 1 << 16;

    /// <inheritdoc/>
    /// <remarks>
    /// Large trees on several workers are split by subtrees: a point cloud's tree is deep and narrow, so its levels
    /// rarely reach the width worth a barrier. Smaller ones are split by levels, or decided on one thread.
    /// </remarks>
    public ITreeDecider Decider(WeightedTree tree) =>
        _pool.Size > 1 && tree.Count >= minSubtreeSplitCount
            ? new SubtreeTreeDecider(tree, _pool)
            : new LevelTreeDecider(tree, _pool, minParallelLevelWidth);

    /// <inheritdoc/>
    public int[] NearestFill(Dataset data, int[] labels) => NearestClusterFill.Fill(data, labels, _pool);

    /// <inheritdoc/>
    public void Dispose() => _pool.Dispose();
}
