using System.Collections.Concurrent;
using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Conformance.Tests;

/// <summary>The one list of data sets the contracts run on: the bundled files with their k, and integer grids full of ties.</summary>
public static class ConformanceData
{
    /// <summary>The worker counts every contract is checked on; the answer must not depend on them.</summary>
    public static readonly int[] WorkerCounts = [1, 2, 3, 8];

    /// <summary>Every bundled data set with the k it is clustered into.</summary>
    public static readonly (string File, int K)[] Bundled =
    [
        ("iris", 3), ("wine", 3), ("seeds", 3), ("wdbc", 2), ("yeast", 10),
        ("winequality_red", 6), ("winequality_white", 10), ("skin_segmentation", 2),
        ("s1", 15), ("s2", 15), ("s3", 15), ("s4", 15), ("a1", 20), ("a2", 35), ("a3", 50),
    ];

    /// <summary>seed, n, dimension, grid side: small grids force duplicates and many equally long edges.</summary>
    public static readonly (int Seed, int N, int Dimension, int Side)[] Grids =
    [
        (1, 60, 2, 4), (2, 200, 2, 6), (3, 300, 3, 3), (4, 500, 2, 12), (5, 257, 5, 2), (6, 1000, 2, 40), (7, 129, 1, 10),
    ];

    private static readonly ConcurrentDictionary<string, Lazy<Dataset>> Cache = new();

    /// <summary>A bundled data set; skin_segmentation as a seeded random sample of 2000 rows (spec §11 #15).</summary>
    public static Dataset Load(string file) => Cache.GetOrAdd(file, f => new Lazy<Dataset>(() =>
    {
        Dataset data = CsvDatasetReader.Load(Path.Combine(RepositoryRoot, "data", f + ".csv"));
        return f == "skin_segmentation" ? data.Select(KMeansInitializer.SampleRows(data.Count, 2000, seed: 2000), "skin_2000") : data;
    })).Value;

    /// <summary>n points with coordinates drawn from 0..side−1.</summary>
    public static Dataset Grid(int seed, int n, int dimension, int side)
    {
        var rng = new SplitMix64((ulong)seed);
        var points = new double[n * dimension];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextBelow((ulong)side);
        return new Dataset(points, n, dimension, name: $"grid-{seed}");
    }

    /// <summary>900 random rows in 4-D and 300 copies of some of them.</summary>
    public static Dataset RandomWithDuplicatedRows()
    {
        var rng = new SplitMix64(42);
        const int distinct = 900, dimension = 4;
        var points = new double[(distinct + 300) * dimension];
        for (int i = 0; i < distinct * dimension; i++) points[i] = rng.NextDouble() * 10 - 5;
        for (int copy = 0; copy < 300; copy++)
        {
            int row = (int)rng.NextBelow(distinct);
            Array.Copy(points, row * dimension, points, (distinct + copy) * dimension, dimension);
        }
        return new Dataset(points, distinct + 300, dimension, name: "random with duplicates");
    }

    /// <summary>The repository root: the nearest folder above the test binaries holding native/include/cheeger.h.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "native", "include", "cheeger.h"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }
}
