namespace Cheeger.Clustering.KMeans;

/// <summary>The update step every managed k-means backend shares: centroid = running sum / running count.</summary>
internal static class CentroidUpdate
{
    /// <summary>
    /// Sets each centroid with a positive count to sum/count; an empty cluster keeps its previous centroid (the
    /// study would divide 0/0, which would poison every later pass with NaN). Returns the largest Euclidean
    /// distance any centroid moved.
    /// </summary>
    public static double Apply(ReadOnlySpan<double> sums, ReadOnlySpan<int> counts, Span<double> centroids, int d)
    {
        double largestMove = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0) continue;
            double move2 = 0;
            for (int j = 0; j < d; j++)
            {
                double next = sums[c * d + j] / counts[c];
                double diff = next - centroids[c * d + j];
                move2 += diff * diff;
                centroids[c * d + j] = next;
            }
            largestMove = Math.Max(largestMove, Math.Sqrt(move2));
        }
        return largestMove;
    }
}
