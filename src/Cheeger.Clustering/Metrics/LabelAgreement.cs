namespace Cheeger.Clustering.Metrics;

/// <summary>
/// Whether two labellings of the same points are identical up to renaming of the clusters, and if not, on how
/// many points they differ. Outliers (−1) are never renamed: a point is −1 in both or differs.
/// </summary>
/// <param name="Identical">True when a one-to-one renaming maps one labelling onto the other.</param>
/// <param name="DifferingPoints">Points that disagree under the best renaming (0 when identical).</param>
public readonly record struct LabelAgreement(bool Identical, int DifferingPoints)
{
    /// <summary>Compares <paramref name="other"/> with <paramref name="reference"/>.</summary>
    public static LabelAgreement Compare(ReadOnlySpan<int> reference, ReadOnlySpan<int> other)
    {
        if (reference.Length != other.Length)
            throw new ArgumentException($"The labellings have different lengths ({reference.Length} and {other.Length}).");
        ClusterMatching.RequireLabels(reference, nameof(reference));
        ClusterMatching.RequireLabels(other, nameof(other));
        int bothOutliers = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            if (reference[i] < 0 && other[i] < 0) bothOutliers++;
        }
        int differing = reference.Length - bothOutliers - ClusterMatching.MatchedCount(reference, other);
        return new LabelAgreement(differing == 0, differing);
    }
}
