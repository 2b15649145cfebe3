namespace Cheeger.Clustering.KMeans;

/// <summary>The outcome of a k-means run.</summary>
public sealed class KMeansResult : ClusteringResult
{
    /// <summary>Final centroids, k·d row-major (sum / count after the last pass; an empty cluster keeps its previous centroid).</summary>
    public required double[] Centroids { get; init; }

    /// <summary>Passes run (each: assign every point, then update the centroids).</summary>
    public required int Iterations { get; init; }

    /// <summary>Points that changed cluster in each pass; the first pass counts every point.</summary>
    public required int[] ChangesPerIteration { get; init; }

    /// <summary>Σ squared distance of each point to the centroid it was assigned to in the last pass.</summary>
    public required double Inertia { get; init; }
}
