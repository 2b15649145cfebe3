using System.Collections.Concurrent;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Clustering.Tests;

/// <summary>
/// The bundled data sets (<c>data/*.csv</c>), found by walking up from the test assembly's folder to the
/// repository root (the folder that holds <c>Interop.sln</c>). Each file is parsed once per test run.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly ConcurrentDictionary<string, Lazy<Dataset>> Cache = new(StringComparer.Ordinal);

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The folder of the bundled data sets.</summary>
    public static string DataDirectory => Path.Combine(RepositoryRoot, "data");

    /// <summary>The names (file names without <c>.csv</c>) of every bundled data set, sorted.</summary>
    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(DataDirectory, "*.csv").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The data set <c>data/<paramref name="name"/>.csv</c> (the ".csv" may be given or left out).</summary>
    public static Dataset Load(string name) =>
        Cache.GetOrAdd(Path.GetFileNameWithoutExtension(name),
            n => new Lazy<Dataset>(() => CsvDatasetReader.Load(Path.Combine(DataDirectory, n + ".csv")))).Value;

    /// <summary>
    /// <paramref name="rows"/> distinct rows of <paramref name="data"/>, drawn with <paramref name="seed"/> and kept in
    /// their original order (all of them when the data set is not larger).
    /// </summary>
    public static Dataset Sample(Dataset data, int rows, ulong seed)
    {
        if (rows >= data.Count) return data;
        int[] picked = KMeansInitializer.SampleRows(data.Count, rows, seed);
        Array.Sort(picked);
        return data.Select(picked, $"{data.Name} ({rows} rows, seed {seed})");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Interop.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains Interop.sln.");
    }

    /// <summary>n points with coordinates drawn from 0..side−1: small grids force duplicates and many equally long edges.</summary>
    public static Dataset GridPoints(ulong seed, int n, int dimension, int side)
    {
        var rng = new SplitMix64(seed);
        var points = new double[n * dimension];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextBelow((ulong)side);
        return new Dataset(points, n, dimension, name: $"grid-{seed}");
    }
}
