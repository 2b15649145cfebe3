using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Backends;

/// <summary>A backend that runs the isoperimetric tree clustering pipeline of docs/isoperimetric.md.</summary>
public interface IIsoperimetricBackend : IClusteringBackend
{
    /// <summary>Clusters <paramref name="data"/>; the result carries raw labels (−1 = outlier) and the tree stages.</summary>
    IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation = default);
}
