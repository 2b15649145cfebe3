using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Clustering.Backends;

/// <summary>A backend that runs Lloyd's k-means as the serial reference defines it.</summary>
public interface IKMeansBackend : IClusteringBackend
{
    /// <summary>
    /// Clusters <paramref name="data"/>. <paramref name="initialCentroids"/> (k·d, row-major) are the starting
    /// centroids every backend shares; see <see cref="KMeansInitializer"/>.
    /// </summary>
    KMeansResult Run(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids, CancellationToken cancellation = default);
}
