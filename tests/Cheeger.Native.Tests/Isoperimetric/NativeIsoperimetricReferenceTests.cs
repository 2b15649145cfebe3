using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;
using Cheeger.Clustering;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>
/// native-cpu against the managed serial reference on every bundled data set (Skin as the managed tests sample it),
/// for every model option, and on integer grids full of duplicates and ties (with the default spanning tree and the
/// kd-tree Borůvka), with 1, 2, 3 and 8 threads. The default is the kd-tree Borůvka on the larger low-dimensional
/// sets (s1–s4, a1–a3, Skin) and Prim on the rest.
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeIsoperimetricReferenceTests
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
    public void NativeCpuAgreesWithSerialOnBundledData(string file, int k)
    {
        Requirements.NativeLibrary();
        Dataset data = Load(file);
        var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
        IsoperimetricResult expected = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();
        foreach (int workers in WorkerCounts)
        {
            IsoperimetricResult actual = backend.Run(data, options with { Workers = workers }, TestContext.Current.CancellationToken);
            Assert.Equal("native-cpu", actual.Backend);
            IsoResultComparison.AssertAgrees(expected, actual, $"{file} k={k} workers={workers}");
        }
    }

    public static TheoryData<string> Variants => ["gauss", "inverse", "unit", "graph", "beta", "standardize", "sigma", "steps"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void NativeCpuAgreesWithSerialForEveryModelOption(string variant)
    {
        Requirements.NativeLibrary();
        var options = new IsoperimetricOptions { K = 3, FullLabels = true, IncludeTree = true };
        options = variant switch
        {
            "gauss" => options with { Kernel = FlowKernel.Gauss },
            "inverse" => options with { Kernel = FlowKernel.Inverse },
            "unit" => options with { Weight = VertexWeight.Unit },
            "graph" => options with { Weight = VertexWeight.Graph },
            "beta" => options with { Beta = 0.5 },
            "standardize" => options with { Standardize = true },
            "steps" => options with { SearchTolerance = 1e-6, MaxSearchSteps = 9, SigmaScale = 3 },
            _ => options with { Sigma = 0.25 },
        };
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();
        foreach (string file in new[] { "iris", "wine" })
        {
            Dataset data = Load(file);
            IsoperimetricResult expected = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
            foreach (int workers in WorkerCounts)
            {
                IsoperimetricResult actual = backend.Run(data, options with { Workers = workers }, TestContext.Current.CancellationToken);
                IsoResultComparison.AssertAgrees(expected, actual, $"{file} {variant} workers={workers}");
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
    public void NativeCpuAgreesWithSerialOnGridsWithDuplicatesAndTies(int seed, int n, int dimension, int side)
    {
        Requirements.NativeLibrary();
        Dataset data = GridPoints((ulong)seed, n, dimension, side);
        // These grids are below the size from which Auto picks the kd-tree: it is asked for by name as well.
        using NativeIsoperimetric auto = NativeIsoperimetric.Cpu();
        using NativeIsoperimetric kdtree = NativeIsoperimetric.Cpu(spanningTree: CheegerIsoSpanningTree.Kdtree);
        foreach (int k in new[] { 1, 2, 5 })
        {
            var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
            IsoperimetricResult expected = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
            foreach (NativeIsoperimetric backend in new[] { auto, kdtree })
            {
                foreach (int workers in WorkerCounts)
                {
                    IsoperimetricResult actual = backend.Run(data, options with { Workers = workers }, TestContext.Current.CancellationToken);
                    IsoResultComparison.AssertAgrees(expected, actual, $"grid seed={seed} k={k} {backend.SpanningTree} workers={workers}");
                }
            }
        }
    }

    [Fact]
    public void RandomDataWithDuplicatedRowsAgrees()
    {
        Requirements.NativeLibrary();
        var rng = new SplitMix64(42);
        const int distinct = 900, dimension = 4;
        var points = new double[(distinct + 300) * dimension];
        for (int i = 0; i < distinct * dimension; i++) points[i] = rng.NextDouble() * 10 - 5;
        for (int copy = 0; copy < 300; copy++)
        {
            int row = (int)rng.NextBelow(distinct);
            Array.Copy(points, row * dimension, points, (distinct + copy) * dimension, dimension);
        }
        var data = new Dataset(points, distinct + 300, dimension, name: "random with duplicates");
        var options = new IsoperimetricOptions { K = 7, FullLabels = true, IncludeTree = true };
        IsoperimetricResult expected = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();
        foreach (int workers in WorkerCounts)
        {
            IsoResultComparison.AssertAgrees(expected, backend.Run(data, options with { Workers = workers }, TestContext.Current.CancellationToken),
                $"workers={workers}");
        }
    }

    /// <summary>n points with coordinates drawn from 0..side−1 (the managed agreement tests' grids).</summary>
    private static Dataset GridPoints(ulong seed, int n, int dimension, int side)
    {
        var rng = new SplitMix64(seed);
        var points = new double[n * dimension];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextBelow((ulong)side);
        return new Dataset(points, n, dimension, name: $"grid-{seed}");
    }

    /// <summary>A bundled data set; skin_segmentation as the managed tests sample it (2000 rows, seed 2000).</summary>
    private static Dataset Load(string file)
    {
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data(file + ".csv"));
        return file == "skin_segmentation" ? data.Select(KMeansInitializer.SampleRows(data.Count, 2000, seed: 2000), "skin_2000") : data;
    }
}
