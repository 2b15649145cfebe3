using Cheeger.Clustering.Metrics;

namespace Cheeger.Clustering.Tests.Metrics;

public class HungarianAlgorithmTests
{
    [Fact]
    public void Beats_the_greedy_choice_of_the_largest_cell()
    {
        // Greedy takes the 5 first and is left with the 0: total 5. The optimum pairs the two 4s: total 8.
        long[,] weights = { { 5, 4 }, { 4, 0 } };

        int[] assignment = HungarianAlgorithm.MaximumWeightAssignment(weights);

        Assert.Equal([1, 0], assignment);
        Assert.Equal(8, HungarianAlgorithm.TotalWeight(weights, assignment));
    }

    [Fact]
    public void Leaves_the_extra_rows_of_a_tall_matrix_unassigned()
    {
        long[,] weights = { { 1, 9 }, { 8, 7 }, { 6, 2 } };

        int[] assignment = HungarianAlgorithm.MaximumWeightAssignment(weights);

        // 9 + 8 = 17 beats every other pair of distinct rows and columns (e.g. 9 + 6 = 15, 8 + 7 = 15).
        Assert.Equal([1, 0, -1], assignment);
        Assert.Equal(17, HungarianAlgorithm.TotalWeight(weights, assignment));
    }

    [Fact]
    public void Leaves_the_extra_columns_of_a_wide_matrix_unassigned()
    {
        long[,] weights = { { 3, 0, 4 }, { 2, 0, 4 } };

        int[] assignment = HungarianAlgorithm.MaximumWeightAssignment(weights);

        // Both rows want column 2; 3 + 4 = 7 (row 0 → 0, row 1 → 2) beats 4 + 2 = 6.
        Assert.Equal([0, 2], assignment);
    }

    [Fact]
    public void Handles_an_empty_matrix() =>
        Assert.Empty(HungarianAlgorithm.MaximumWeightAssignment(new long[0, 3]));

    [Fact]
    public void Matches_brute_force_on_random_rectangular_matrices()
    {
        var random = new Random(20261123);
        for (int trial = 0; trial < 300; trial++)
        {
            int rows = random.Next(1, 6), columns = random.Next(1, 6);
            var weights = new long[rows, columns];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++) weights[r, c] = random.Next(0, 20);
            }

            int[] assignment = HungarianAlgorithm.MaximumWeightAssignment(weights);

            var assigned = assignment.Where(c => c >= 0).ToArray();
            Assert.Equal(Math.Min(rows, columns), assigned.Length);
            Assert.Equal(assigned.Length, assigned.Distinct().Count());
            Assert.Equal(BruteForceMaximum(weights, 0, new bool[columns]), HungarianAlgorithm.TotalWeight(weights, assignment));
        }
    }

    // Every injective partial map of rows to columns, by recursion over the rows.
    private static long BruteForceMaximum(long[,] weights, int row, bool[] usedColumns)
    {
        if (row == weights.GetLength(0)) return 0;
        long best = BruteForceMaximum(weights, row + 1, usedColumns); // row left out
        for (int c = 0; c < usedColumns.Length; c++)
        {
            if (usedColumns[c]) continue;
            usedColumns[c] = true;
            best = Math.Max(best, weights[row, c] + BruteForceMaximum(weights, row + 1, usedColumns));
            usedColumns[c] = false;
        }
        return best;
    }
}
