namespace Cheeger.Clustering.Metrics;

/// <summary>
/// The best one-to-one renaming between two labellings: the Hungarian algorithm on their contingency table, so
/// the matching is optimal (a greedy pick of the largest cells is not). Label −1 (outlier) takes no part: a point
/// labelled −1 in either labelling is never counted as matched.
/// </summary>
internal static class ClusterMatching
{
    /// <summary>
    /// The largest number of points whose labels correspond under a one-to-one map from the non-negative labels
    /// of <paramref name="first"/> to those of <paramref name="second"/>. Labels present on one side only stay
    /// unmatched, and their points count as unmatched.
    /// </summary>
    public static int MatchedCount(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        var table = ContingencyTable.Build(first, second);
        int rowStart = table.RowLabels.Count > 0 && table.RowLabels[0] < 0 ? 1 : 0;
        int columnStart = table.ColumnLabels.Count > 0 && table.ColumnLabels[0] < 0 ? 1 : 0;
        var weights = new long[table.RowLabels.Count - rowStart, table.ColumnLabels.Count - columnStart];
        for (int r = 0; r < weights.GetLength(0); r++)
        {
            for (int c = 0; c < weights.GetLength(1); c++) weights[r, c] = table[r + rowStart, c + columnStart];
        }
        return (int)HungarianAlgorithm.TotalWeight(weights, HungarianAlgorithm.MaximumWeightAssignment(weights));
    }

    /// <summary>Throws unless every label is −1 (outlier) or non-negative.</summary>
    internal static void RequireLabels(ReadOnlySpan<int> labels, string what)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < -1) throw new ArgumentException($"{what}[{i}] = {labels[i]}: labels are −1 (outlier) or ≥ 0.");
        }
    }
}
