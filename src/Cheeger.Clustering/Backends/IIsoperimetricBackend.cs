using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Backends;

/// <summary>A backend that runs the isoperimetric tree clustering pipeline of docs/isoperimetric.md.</summary>
public interface IIsoperimetricBackend : IClusteringBackend
{
    /// <summary>The spanning-tree algorithms it builds; a backend that does not say offers only its own choice, <c>auto</c>.</summary>
    IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees => [SpanningTreeAlgorithm.Auto];

    /// <summary>Clusters <paramref name="data"/>; the result carries raw labels (−1 = outlier) and the tree stages.</summary>
    /// <remarks>A <see cref="IsoperimetricOptions.SpanningTree"/> outside <see cref="SpanningTrees"/> is refused (<see cref="ClusteringInputException"/>).</remarks>
    IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation);

    /// <summary>
    /// As <see cref="Run(Dataset, IsoperimetricOptions, CancellationToken)"/>, reporting to <paramref name="progress"/>
    /// (null: nothing) on the calling thread how far the run has got (<see cref="IsoperimetricProgress"/>); a backend
    /// that reports nothing runs as the other overload.
    /// </summary>
    /// <remarks>An exception <paramref name="progress"/> throws ends the run and reaches the caller.</remarks>
    IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, IProgress<IsoperimetricProgress>? progress = null,
        CancellationToken cancellation = default) =>
        Run(data, options, cancellation);
}
