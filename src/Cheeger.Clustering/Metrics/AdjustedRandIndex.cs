namespace Cheeger.Clustering.Metrics;

/// <summary>
/// The adjusted Rand index of Hubert and Arabie (1985): the Rand index corrected for chance,
/// (Σ_ij C(n_ij,2) − E) / (½(Σ_i C(a_i,2) + Σ_j C(b_j,2)) − E) with E = Σ_i C(a_i,2)·Σ_j C(b_j,2) / C(n,2).
/// 1 for identical partitions (up to renaming), about 0 for independent ones, negative below chance.
/// Label −1 (outlier) is treated as one more cluster: all outliers together form one set.
/// </summary>
public static class AdjustedRandIndex
{
    /// <summary>The index of the two labellings (symmetric in its arguments).</summary>
    public static double Compute(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        if (first.Length != second.Length)
            throw new ArgumentException($"The labellings have different lengths ({first.Length} and {second.Length}).");
        if (first.Length == 0) throw new ArgumentException("No points to score.");
        var table = ContingencyTable.Build(first, second);

        double pairsInCells = 0, pairsInRows = 0, pairsInColumns = 0;
        for (int r = 0; r < table.RowLabels.Count; r++)
        {
            pairsInRows += Pairs(table.RowSum(r));
            for (int c = 0; c < table.ColumnLabels.Count; c++) pairsInCells += Pairs(table[r, c]);
        }
        for (int c = 0; c < table.ColumnLabels.Count; c++) pairsInColumns += Pairs(table.ColumnSum(c));

        double allPairs = Pairs(table.Total);
        double expected = allPairs == 0 ? 0 : pairsInRows * pairsInColumns / allPairs;
        double maximum = 0.5 * (pairsInRows + pairsInColumns);
        // The denominator vanishes only when both partitions are all singletons or both one set (or n = 1): identical.
        if (maximum == expected) return 1.0;
        return (pairsInCells - expected) / (maximum - expected);
    }

    // C(m, 2) as a double: exact for every count below 2^26 and accurate far beyond.
    private static double Pairs(long m) => m * (m - 1) / 2.0;
}
