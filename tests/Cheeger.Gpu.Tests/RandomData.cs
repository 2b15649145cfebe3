using Cheeger.Clustering;
using Cheeger.Clustering.Data;

namespace Cheeger.Gpu.Tests;

/// <summary>Seeded synthetic data sets for the tests.</summary>
internal static class RandomData
{
    /// <summary>
    /// Points on the integer grid {0..levels−1}^d: many duplicate rows and many exact distance ties, the cases
    /// where a different summation order or tie rule would show up as different labels.
    /// </summary>
    public static Dataset IntegerGrid(int n, int d, int levels, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextBelow((ulong)levels);
        return new Dataset(points, n, d, name: $"grid-{n}x{d}");
    }

    /// <summary>
    /// Non-integer points around <paramref name="blobs"/> random centres, with every tenth row a copy of an
    /// earlier one (duplicates), so that sums round differently in different orders.
    /// </summary>
    public static Dataset Blobs(int n, int d, int blobs, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var centres = new double[blobs * d];
        for (int i = 0; i < centres.Length; i++) centres[i] = 20 * rng.NextDouble() - 10;
        var points = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            if (i >= 10 && i % 10 == 0)
            {
                Array.Copy(points, (int)rng.NextBelow((ulong)i) * d, points, i * d, d);
                continue;
            }
            int blob = (int)rng.NextBelow((ulong)blobs);
            for (int j = 0; j < d; j++) points[i * d + j] = centres[blob * d + j] + (rng.NextDouble() + rng.NextDouble() - 1) * 1.7;
        }
        return new Dataset(points, n, d, name: $"blobs-{n}x{d}");
    }
}
