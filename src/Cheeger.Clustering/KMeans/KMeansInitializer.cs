using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.KMeans;

/// <summary>
/// Picks the initial centroids that every backend starts from, so that a seed means the same run everywhere.
/// Random: a partial Fisher–Yates shuffle of the row indices driven by <see cref="SplitMix64"/> (the native core
/// implements the same sampler). k-means++: D² sampling with the same generator.
/// </summary>
public static class KMeansInitializer
{
    /// <summary>The k initial centroids, k·d row-major.</summary>
    public static double[] InitialCentroids(Dataset data, KMeansOptions options)
    {
        options.Validate(data);
        int[] rows = options.Init == KMeansInit.KMeansPlusPlus
            ? PlusPlusRows(data, options.K, options.Seed)
            : SampleRows(data.Count, options.K, options.Seed);
        int d = data.Dimension;
        var centroids = new double[rows.Length * d];
        for (int c = 0; c < rows.Length; c++) data.Row(rows[c]).CopyTo(centroids.AsSpan(c * d, d));
        return centroids;
    }

    /// <summary>k distinct row indices out of n, sampled without replacement.</summary>
    public static int[] SampleRows(int n, int k, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var index = new int[n];
        for (int i = 0; i < n; i++) index[i] = i;
        for (int i = 0; i < k; i++)
        {
            int j = i + (int)rng.NextBelow((ulong)(n - i));
            (index[i], index[j]) = (index[j], index[i]);
        }
        return index[..k];
    }

    /// <summary>
    /// k-means++: the first row uniformly, each next one with probability proportional to its squared distance
    /// to the nearest row chosen so far. When every remaining point coincides with a chosen one (all weights 0),
    /// the next row is the smallest unchosen index, so the rows stay distinct.
    /// </summary>
    public static int[] PlusPlusRows(Dataset data, int k, ulong seed)
    {
        var rng = new SplitMix64(seed);
        int n = data.Count;
        var rows = new int[k];
        var chosen = new bool[n];
        var nearest = new double[n];
        rows[0] = (int)rng.NextBelow((ulong)n);
        chosen[rows[0]] = true;
        for (int i = 0; i < n; i++) nearest[i] = SquaredDistance(data.Row(i), data.Row(rows[0]));
        for (int c = 1; c < k; c++)
        {
            double total = 0;
            for (int i = 0; i < n; i++) total += chosen[i] ? 0 : nearest[i];
            int pick = -1;
            if (total > 0)
            {
                double target = rng.NextDouble() * total, running = 0;
                for (int i = 0; i < n; i++)
                {
                    if (chosen[i] || nearest[i] == 0) continue;
                    running += nearest[i];
                    pick = i;
                    if (running > target) break;
                }
            }
            if (pick < 0) pick = Array.IndexOf(chosen, false);
            rows[c] = pick;
            chosen[pick] = true;
            for (int i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], SquaredDistance(data.Row(i), data.Row(pick)));
        }
        return rows;
    }

    /// <summary>Squared Euclidean distance, summed in dimension order (the order every backend uses).</summary>
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
