using Cheeger.Clustering;
using Cheeger.Clustering.Data;

namespace Cheeger.Benchmarks;

/// <summary>Benchmark inputs generated from a fixed seed, so every run and every backend sees the same points.</summary>
public static class SyntheticData
{
    /// <summary>n points uniform in [0, 1)^d.</summary>
    public static Dataset Uniform(int n, int d, ulong seed = 20131201)
    {
        var rng = new SplitMix64(seed);
        var points = new double[(long)n * d];
        for (long i = 0; i < points.LongLength; i++) points[i] = rng.NextDouble();
        return new Dataset(points, n, d, name: $"uniform-{n}x{d}");
    }

    /// <summary>
    /// n points in <paramref name="blobs"/> Gaussian blobs: centres uniform in [−50, 50)^d, every coordinate of a point
    /// its blob's plus normal noise of σ = 6, the blob picked uniformly per point (the geometry of the native
    /// benchmarks' blobs, native/tests/test_data.cpp, from this generator's own seeded stream).
    /// </summary>
    public static Dataset Clustered(int n, int d, int blobs = 20, ulong seed = 20131201)
    {
        const double HalfRange = 50, Sigma = 6;
        var rng = new SplitMix64(seed);
        var centres = new double[blobs * d];
        for (int i = 0; i < centres.Length; i++) centres[i] = HalfRange * (2 * rng.NextDouble() - 1);
        var points = new double[(long)n * d];
        for (long i = 0; i < n; i++)
        {
            int blob = (int)rng.NextBelow((ulong)blobs);
            for (int j = 0; j < d; j++) points[i * d + j] = centres[blob * d + j] + Sigma * StandardNormal(ref rng);
        }
        return new Dataset(points, n, d, name: $"clustered-{n}x{d}");
    }

    /// <summary>Loads a bundled data set from <c>data/</c> (found by walking up from the program folder).</summary>
    public static Dataset Bundled(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", fileName);
            if (File.Exists(candidate)) return CsvDatasetReader.Load(candidate);
        }
        throw new FileNotFoundException($"data/{fileName} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>A standard normal deviate by Box–Muller (1 − u keeps the logarithm's argument in (0, 1]).</summary>
    private static double StandardNormal(ref SplitMix64 rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
