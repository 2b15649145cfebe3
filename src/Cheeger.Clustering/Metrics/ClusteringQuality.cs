namespace Cheeger.Clustering.Metrics;

/// <summary>How well a clustering recovers the ground-truth classes.</summary>
/// <param name="MisclassificationRate">See <see cref="Metrics.MisclassificationRate"/> (−1 counts as an error).</param>
/// <param name="AdjustedRandIndex">See <see cref="Metrics.AdjustedRandIndex"/> (−1 forms one cluster of its own).</param>
public sealed record ClusteringQuality(double MisclassificationRate, double AdjustedRandIndex)
{
    /// <summary>Scores <paramref name="clusters"/> (−1 = outlier) against <paramref name="classes"/>.</summary>
    public static ClusteringQuality Evaluate(ReadOnlySpan<int> clusters, ReadOnlySpan<int> classes) =>
        new(Metrics.MisclassificationRate.Compute(clusters, classes), Metrics.AdjustedRandIndex.Compute(clusters, classes));
}
