using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>
/// The parallel backend returns exactly the reference's tree, σ, probes, ε and labels on every bundled data
/// set, on integer grids full of duplicates and ties, for every worker count, and on repeated runs.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class BackendAgreementTests
{
    private static readonly int[] WorkerCounts = [1, 2, 3, 8];

    public static TheoryData<string, int> DataSets => new()
    {
        { "iris", 3 }, { "wine", 3 }, { "seeds", 3 }, { "wdbc", 2 }, { "yeast", 10 },
        { "winequality_red", 6 }, { "winequality_white", 10 }, { "skin_segmentation", 2 },
        { "s1", 15 }, { "s2", 15 }, { "s3", 15 }, { "s4", 15 }, { "a1", 20 }, { "a2", 35 }, { "a3", 50 },
    };

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Parallel_equals_serial_on_bundled_data(string file, int k)
    {
        var data = Load(file);
        var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
        var expected = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
        foreach (int workers in WorkerCounts)
        {
            var actual = new ParallelIsoperimetric().Run(data, options with { Workers = workers }, TestContext.Current.CancellationToken);
            ResultComparison.AssertIdentical(expected, actual, $"{file} k={k} workers={workers}");
        }
    }

    public static TheoryData<string> Variants => ["gauss", "inverse", "unit", "graph", "beta", "standardize", "sigma"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Parallel_equals_serial_for_every_model_option(string variant)
    {
        var options = new IsoperimetricOptions { K = 3, FullLabels = true, IncludeTree = true };
        options = variant switch
        {
            "gauss" => options with { Kernel = FlowKernel.Gauss },
            "inverse" => options with { Kernel = FlowKernel.Inverse },
            "unit" => options with { Weight = VertexWeight.Unit },
            "graph" => options with { Weight = VertexWeight.Graph },
            "beta" => options with { Beta = 0.5 },
            "standardize" => options with { Standardize = true },
            _ => options with { Sigma = 0.25 },
        };
        foreach (string file in new[] { "iris", "wine" })
        {
            var data = Load(file);
            var expected = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
            foreach (int workers in WorkerCounts)
            {
                var actual = new ParallelIsoperimetric { MinParallelLevelWidth = 1 }.Run(data, options with { Workers = workers }, TestContext.Current.CancellationToken);
                ResultComparison.AssertIdentical(expected, actual, $"{file} {variant} workers={workers}");
            }
        }
    }

    public static TheoryData<int, int, int, int> Grids => new()
    {
        // seed, n, dimension, grid side: small grids force duplicates and many equally long edges
        { 1, 60, 2, 4 }, { 2, 200, 2, 6 }, { 3, 300, 3, 3 }, { 4, 500, 2, 12 }, { 5, 257, 5, 2 }, { 6, 1000, 2, 40 }, { 7, 129, 1, 10 },
    };

    [Theory]
    [MemberData(nameof(Grids))]
    public void Parallel_equals_serial_on_grids_with_duplicates_and_ties(int seed, int n, int dimension, int side)
    {
        var data = GridPoints((ulong)seed, n, dimension, side);
        foreach (int k in new[] { 1, 2, 5 })
        {
            var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
            var expected = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
            foreach (int workers in WorkerCounts)
            {
                var backend = new ParallelIsoperimetric { MinParallelLevelWidth = 1 + workers % 3 };
                var actual = backend.Run(data, options with { Workers = workers }, TestContext.Current.CancellationToken);
                ResultComparison.AssertIdentical(expected, actual, $"grid seed={seed} k={k} workers={workers}");
            }
        }
    }

    [Fact]
    public void Repeated_parallel_runs_are_identical()
    {
        var data = GridPoints(11, 800, 2, 20);
        var options = new IsoperimetricOptions { K = 4, FullLabels = true, IncludeTree = true, Workers = 3 };
        var backend = new ParallelIsoperimetric { MinParallelLevelWidth = 2 };
        var first = backend.Run(data, options, TestContext.Current.CancellationToken);
        for (int run = 0; run < 5; run++)
        {
            ResultComparison.AssertIdentical(first, backend.Run(data, options, TestContext.Current.CancellationToken), $"run {run}");
        }
    }

    /// <summary>n points with coordinates drawn from 0..side−1.</summary>
    internal static Dataset GridPoints(ulong seed, int n, int dimension, int side)
    {
        var rng = new SplitMix64(seed);
        var points = new double[n * dimension];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextBelow((ulong)side);
        return new Dataset(points, n, dimension, name: $"grid-{seed}");
    }

    /// <summary>A bundled data set; skin_segmentation as a seeded random sample of 2000 rows (spec §11 #15).</summary>
    internal static Dataset Load(string file)
    {
        var data = TestData.Load(file);
        return file == "skin_segmentation" ? data.Select(KMeansInitializer.SampleRows(data.Count, 2000, seed: 2000), "skin_2000") : data;
    }
}

/// <summary>Tests that run whole pipelines on the larger data sets; kept apart from each other so that they do not compete for the cores.</summary>
[CollectionDefinition(nameof(HeavyTests), DisableParallelization = true)]
public sealed class HeavyTests;
