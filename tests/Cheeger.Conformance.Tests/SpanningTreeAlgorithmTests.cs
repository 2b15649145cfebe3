using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// Every spanning-tree algorithm of the native backends gives the managed serial reference's tree, σ, ε and labels:
/// Prim, Borůvka and the kd-tree Borůvka on native-cpu everywhere, and on native-cuda where a device is present
/// (skipped with the reason otherwise; there the kd-tree choice runs the device Borůvka), to the isoperimetric
/// contract's tolerance policy; the kd-tree Borůvka also on the integer grids full of duplicates and ties.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class SpanningTreeAlgorithmTests
{
    public static TheoryData<string, int, CheegerIsoSpanningTree> Cases => new()
    {
        { "iris", 3, CheegerIsoSpanningTree.Boruvka }, { "wine", 3, CheegerIsoSpanningTree.Boruvka },
        { "seeds", 3, CheegerIsoSpanningTree.Boruvka }, { "s1", 15, CheegerIsoSpanningTree.Boruvka },
        { "iris", 3, CheegerIsoSpanningTree.Prim }, { "s1", 15, CheegerIsoSpanningTree.Prim },
        { "iris", 3, CheegerIsoSpanningTree.Kdtree }, { "wine", 3, CheegerIsoSpanningTree.Kdtree },
        { "seeds", 3, CheegerIsoSpanningTree.Kdtree }, { "s1", 15, CheegerIsoSpanningTree.Kdtree },
        { "winequality_white", 10, CheegerIsoSpanningTree.Kdtree },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NativeCpuAgreesWithSerial(string file, int k, CheegerIsoSpanningTree algorithm)
    {
        using NativeIsoperimetric backend = AvailableOrSkip(NativeIsoperimetric.Cpu(spanningTree: algorithm), BackendNames.NativeCpu);
        AssertAgreesWithSerial(backend, file, k, algorithm);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NativeCudaAgreesWithSerial(string file, int k, CheegerIsoSpanningTree algorithm)
    {
        using NativeIsoperimetric backend = AvailableOrSkip(NativeIsoperimetric.Cuda(spanningTree: algorithm), BackendNames.NativeCuda);
        AssertAgreesWithSerial(backend, file, k, algorithm);
    }

    /// <summary>The managed parallel backend builds every algorithm too (the same values as the C API's).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void ParallelAgreesWithSerial(string file, int k, CheegerIsoSpanningTree algorithm)
    {
        Dataset data = ConformanceData.Load(file);
        foreach (int workers in (int[])[1, 2, 3])
        {
            var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true, Workers = workers, SpanningTree = (SpanningTreeAlgorithm)algorithm };
            IsoperimetricAgreement.Assert(ReferenceResults.Of(data, options with { SpanningTree = SpanningTreeAlgorithm.Auto, Workers = 2 }),
                new ParallelIsoperimetric().Run(data, options, TestContext.Current.CancellationToken), exact: false, $"{file} k={k} parallel {algorithm} workers={workers}");
        }
    }

    [Theory]
    [MemberData(nameof(GridIndices))]
    public void ParallelKdtreeAndBoruvkaAgreeWithSerialOnGridsWithDuplicatesAndTies(int grid)
    {
        var (seed, n, dimension, side) = ConformanceData.Grids[grid];
        Dataset data = ConformanceData.Grid(seed, n, dimension, side);
        foreach (var algorithm in (SpanningTreeAlgorithm[])[SpanningTreeAlgorithm.Kdtree, SpanningTreeAlgorithm.Boruvka])
        {
            foreach (int workers in (int[])[1, 2, 3])
            {
                var options = new IsoperimetricOptions { K = 2, FullLabels = true, IncludeTree = true, Workers = workers };
                IsoperimetricAgreement.Assert(ReferenceResults.Of(data, options),
                    new ParallelIsoperimetric().Run(data, options with { SpanningTree = algorithm }, TestContext.Current.CancellationToken),
                    exact: false, $"grid seed={seed} {algorithm} workers={workers}");
            }
        }
    }

    [Fact]
    public void TheManagedAndNativeAlgorithmsAreNumberedAlike()
    {
        foreach (var algorithm in Enum.GetValues<SpanningTreeAlgorithm>())
            Assert.Equal(algorithm.ToString(), ((CheegerIsoSpanningTree)(int)algorithm).ToString());
        Assert.Equal(Enum.GetValues<SpanningTreeAlgorithm>().Length, Enum.GetValues<CheegerIsoSpanningTree>().Length);
    }

    [Fact]
    public void TheSerialReferenceRefusesAnAlgorithmOtherThanPrimWithOneClearMessage()
    {
        Dataset data = ConformanceData.Load("iris");
        var error = Assert.Throws<ClusteringInputException>(() =>
            new SerialIsoperimetric().Run(data, new IsoperimetricOptions { K = 3, SpanningTree = SpanningTreeAlgorithm.Kdtree }, TestContext.Current.CancellationToken));
        Assert.Equal("the serial backend has no kdtree spanning tree (it offers auto, prim).", error.Message);
    }

    public static TheoryData<int> GridIndices()
    {
        var grids = new TheoryData<int>();
        for (int grid = 0; grid < ConformanceData.Grids.Length; grid++) grids.Add(grid);
        return grids;
    }

    /// <summary>The grids are below the size from which Auto picks the kd-tree, so it is asked for by name.</summary>
    [Theory]
    [MemberData(nameof(GridIndices))]
    public void NativeCpuKdtreeAgreesWithSerialOnGridsWithDuplicatesAndTies(int grid)
    {
        using NativeIsoperimetric backend = AvailableOrSkip(NativeIsoperimetric.Cpu(spanningTree: CheegerIsoSpanningTree.Kdtree), BackendNames.NativeCpu);
        var (seed, n, dimension, side) = ConformanceData.Grids[grid];
        Dataset data = ConformanceData.Grid(seed, n, dimension, side);
        foreach (int k in (int[])[1, 2, 5])
        {
            foreach (int workers in (int[])[1, 2, 3, 8])
            {
                var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true, Workers = workers };
                IsoperimetricAgreement.Assert(ReferenceResults.Of(data, options), backend.Run(data, options, TestContext.Current.CancellationToken),
                    exact: false, $"grid seed={seed} k={k} kdtree workers={workers}");
            }
        }
    }

    [Fact]
    public void AnUnknownAlgorithmIsRefusedAtConstruction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeIsoperimetric.Cpu(spanningTree: (CheegerIsoSpanningTree)7));
    }

    /// <summary><paramref name="backend"/>, or a skip (a failure where required) with its reason when it is unavailable.</summary>
    private static NativeIsoperimetric AvailableOrSkip(NativeIsoperimetric backend, string name)
    {
        BackendAvailability availability = backend.Availability;
        if (availability.IsAvailable) return backend;
        backend.Dispose();
        Requirements.SkipUnavailable(ConformanceTarget.Named(name), availability.Reason);
        return backend;  // not reached: SkipUnavailable throws
    }

    private static void AssertAgreesWithSerial(NativeIsoperimetric backend, string file, int k, CheegerIsoSpanningTree algorithm)
    {
        Assert.Equal(algorithm, backend.SpanningTree);
        Dataset data = ConformanceData.Load(file);
        var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true, Workers = 2 };
        IsoperimetricResult expected = ReferenceResults.Of(data, options);
        IsoperimetricResult actual = backend.Run(data, options, TestContext.Current.CancellationToken);
        IsoperimetricAgreement.Assert(expected, actual, exact: false, $"{file} k={k} {backend.Name} {algorithm}");
    }
}
