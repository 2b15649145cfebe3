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
}
