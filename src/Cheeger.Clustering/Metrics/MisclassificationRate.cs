namespace Cheeger.Clustering.Metrics;

/// <summary>
/// The misclassification rate of docs/isoperimetric.md §7.3: 1 − (best one-to-one matching of clusters to
/// classes)/n, the matching found by the Hungarian algorithm on the contingency table. Points labelled −1 always
/// count as errors, and so do all points of a cluster left unmatched (when there are more clusters than classes).
/// </summary>
public static class MisclassificationRate
{
    /// <summary>The rate in [0, 1]; 0 means the clusters are the classes up to renaming.</summary>
    /// <param name="clusters">cluster per point, −1 = outlier.</param>
    /// <param name="classes">ground-truth class per point, ≥ 0.</param>
    public static double Compute(ReadOnlySpan<int> clusters, ReadOnlySpan<int> classes)
    {
        if (clusters.Length != classes.Length)
            throw new ArgumentException($"{clusters.Length} cluster labels for {classes.Length} classes.");
        if (clusters.Length == 0) throw new ArgumentException("No points to score.");
        ClusterMatching.RequireLabels(clusters, nameof(clusters));
        foreach (int c in classes)
        {
            if (c < 0) throw new ArgumentException($"Class {c} is negative; classes are ≥ 0.");
        }
        return 1.0 - (double)ClusterMatching.MatchedCount(clusters, classes) / clusters.Length;
    }
}
