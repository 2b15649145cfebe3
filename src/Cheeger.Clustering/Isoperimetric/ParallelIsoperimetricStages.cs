using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric.SpanningTrees;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The multi-core stages over one persistent worker pool (<see cref="WorkerPool"/>): the spanning tree by Prim with
/// one barrier per step and SIMD distances (§6.1), by Borůvka, or by the kd-tree Borůvka (the same tree whichever);
/// graph degrees split by vertex, the depth-by-depth decision procedure in pull form (§6.3) and the full labelling
/// split by outlier. Work is split by worker index or by chunk only, so every worker count gives the same arrays.
/// </summary>
internal sealed class ParallelIsoperimetricStages(int workers, int minParallelLevelWidth) : IIsoperimetricStages
{
    private readonly WorkerPool _pool = new(workers);

    /// <summary>Every algorithm.</summary>
    public static readonly IReadOnlyList<SpanningTreeAlgorithm> Offered = Enum.GetValues<SpanningTreeAlgorithm>();

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees => Offered;

    /// <inheritdoc/>
    public SpanningTree SpanningTree(Dataset data, SpanningTreeAlgorithm algorithm, IProgress<IsoperimetricProgress>? progress, CancellationToken cancellation)
    {
        if (algorithm == SpanningTreeAlgorithm.Auto) algorithm = SpanningTreeChoice.Automatic(data.Count, data.Dimension);
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

    /// <inheritdoc/>
    public ITreeDecider Decider(WeightedTree tree) => new LevelTreeDecider(tree, _pool, minParallelLevelWidth);

    /// <inheritdoc/>
    public int[] NearestFill(Dataset data, int[] labels) => NearestClusterFill.Fill(data, labels, _pool);

    /// <inheritdoc/>
    public void Dispose() => _pool.Dispose();
}
