namespace Cheeger.Clustering.Metrics;

/// <summary>
/// The Hungarian (Kuhn–Munkres) algorithm with potentials, O(r²·c) for an r×c matrix with r ≤ c: a one-to-one
/// assignment of rows to columns of maximum total weight. Rectangular matrices are allowed; the longer side keeps
/// some of its entries unassigned.
/// </summary>
internal static class HungarianAlgorithm
{
    /// <summary>
    /// For each row, the column assigned to it, or −1 when the matrix has more rows than columns and the row is
    /// left out. The sum of the assigned weights is the largest any one-to-one assignment reaches.
    /// </summary>
    public static int[] MaximumWeightAssignment(long[,] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int rows = weights.GetLength(0), columns = weights.GetLength(1);
        if (rows <= columns) return Assign(rows, columns, (r, c) => weights[r, c]);

        // More rows than columns: solve the transpose, then invert the assignment.
        int[] columnToRow = Assign(columns, rows, (r, c) => weights[c, r]);
        var rowToColumn = new int[rows];
        Array.Fill(rowToColumn, -1);
        for (int c = 0; c < columns; c++) rowToColumn[columnToRow[c]] = c;
        return rowToColumn;
    }

    /// <summary>The total weight of an assignment returned by <see cref="MaximumWeightAssignment"/>.</summary>
    public static long TotalWeight(long[,] weights, int[] assignment)
    {
        long total = 0;
        for (int r = 0; r < assignment.Length; r++)
        {
            if (assignment[r] >= 0) total += weights[r, assignment[r]];
        }
        return total;
    }

    // Minimises Σ cost = −weight over assignments of all n rows to distinct columns (n ≤ m), with row and column
    // potentials u, v and 1-based indices where column 0 is the virtual start of each augmenting path.
    private static int[] Assign(int n, int m, Func<int, int, long> weight)
    {
        var u = new long[n + 1];
        var v = new long[m + 1];
        var rowOfColumn = new int[m + 1];
        var way = new int[m + 1];
        var minSlack = new long[m + 1];
        var used = new bool[m + 1];
        for (int i = 1; i <= n; i++)
        {
            rowOfColumn[0] = i;
            int j0 = 0;
            Array.Fill(minSlack, long.MaxValue);
            Array.Clear(used);
            do
            {
                used[j0] = true;
                int i0 = rowOfColumn[j0], j1 = 0;
                long delta = long.MaxValue;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    long slack = -weight(i0 - 1, j - 1) - u[i0] - v[j];
                    if (slack < minSlack[j])
                    {
                        minSlack[j] = slack;
                        way[j] = j0;
                    }
                    if (minSlack[j] < delta)
                    {
                        delta = minSlack[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minSlack[j] -= delta;
                    }
                }
                j0 = j1;
            }
            while (rowOfColumn[j0] != 0);
            do
            {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var columnOfRow = new int[n];
        Array.Fill(columnOfRow, -1);
        for (int j = 1; j <= m; j++)
        {
            if (rowOfColumn[j] != 0) columnOfRow[rowOfColumn[j] - 1] = j - 1;
        }
        return columnOfRow;
    }
}
