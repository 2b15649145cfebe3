namespace Cheeger.Clustering.Metrics;

/// <summary>
/// Counts of points per (row label, column label) pair of two labellings of the same points. Rows and columns
/// are the distinct label values of each labelling in ascending order, so −1 (outlier), when present, is row or
/// column 0 and is kept like any other label.
/// </summary>
internal sealed class ContingencyTable
{
    private readonly int[,] _counts;

    private ContingencyTable(int[] rowLabels, int[] columnLabels, int[,] counts, int total)
    {
        RowLabels = rowLabels;
        ColumnLabels = columnLabels;
        _counts = counts;
        Total = total;
    }

    /// <summary>The distinct values of the first labelling, ascending.</summary>
    public IReadOnlyList<int> RowLabels { get; }

    /// <summary>The distinct values of the second labelling, ascending.</summary>
    public IReadOnlyList<int> ColumnLabels { get; }

    /// <summary>Number of points counted.</summary>
    public int Total { get; }

    /// <summary>Points with row label <c>RowLabels[row]</c> and column label <c>ColumnLabels[column]</c>.</summary>
    public int this[int row, int column] => _counts[row, column];

    /// <summary>Tabulates <paramref name="rows"/> against <paramref name="columns"/> (same length).</summary>
    public static ContingencyTable Build(ReadOnlySpan<int> rows, ReadOnlySpan<int> columns)
    {
        if (rows.Length != columns.Length)
            throw new ArgumentException($"The labellings have different lengths ({rows.Length} and {columns.Length}).");
        int[] rowLabels = DistinctAscending(rows);
        int[] columnLabels = DistinctAscending(columns);
        var counts = new int[rowLabels.Length, columnLabels.Length];
        for (int i = 0; i < rows.Length; i++)
            counts[Array.BinarySearch(rowLabels, rows[i]), Array.BinarySearch(columnLabels, columns[i])]++;
        return new ContingencyTable(rowLabels, columnLabels, counts, rows.Length);
    }

    /// <summary>Points in row <paramref name="row"/>.</summary>
    public long RowSum(int row)
    {
        long sum = 0;
        for (int c = 0; c < ColumnLabels.Count; c++) sum += _counts[row, c];
        return sum;
    }

    /// <summary>Points in column <paramref name="column"/>.</summary>
    public long ColumnSum(int column)
    {
        long sum = 0;
        for (int r = 0; r < RowLabels.Count; r++) sum += _counts[r, column];
        return sum;
    }

    private static int[] DistinctAscending(ReadOnlySpan<int> labels)
    {
        var set = new SortedSet<int>();
        foreach (int label in labels) set.Add(label);
        return [.. set];
    }
}
