using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>The native isoperimetric backend and the safe layer under it: names, availability, results, errors, stages.</summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeIsoperimetricTests
{
    private static readonly double[] TwelvePoints =
        [0, 0, 1.1, 0.2, 0.3, 0.9, 1.2, 1.3, 0.6, 2.1, 6, 5.1, 7.2, 5.3, 6.4, 6.2, 7.1, 6.6, 12.5, 0.4, 13.1, 1.2, 3.6, 9.4];

    [Fact]
    public void NamesAreTheCommandLineNames()
    {
        using NativeIsoperimetric cpu = NativeIsoperimetric.Cpu();
        using NativeIsoperimetric cuda = NativeIsoperimetric.Cuda();
        Assert.Equal("native-cpu", cpu.Name);
        Assert.Equal("native-cuda", cuda.Name);
    }

    [Fact]
    public void CpuIsAvailableAndCudaFollowsTheCapabilities()
    {
        LoadedNativeLibrary library = Requirements.NativeLibrary();
        using NativeIsoperimetric cpu = NativeIsoperimetric.Cpu();
        using NativeIsoperimetric cuda = NativeIsoperimetric.Cuda();
        BackendAvailability cpuAvailability = cpu.Availability;
        Assert.True(cpuAvailability.IsAvailable, cpuAvailability.Reason);
        Assert.Contains(library.Path, cpuAvailability.Reason);

        CheegerCapabilities capabilities = CheegerLibrary.Capabilities();
        BackendAvailability cudaAvailability = cuda.Availability;
        if (!capabilities.HasBackend(CheegerBackendFlag.Cuda))
        {
            Assert.False(cudaAvailability.IsAvailable);
            Assert.Contains("without CUDA", cudaAvailability.Reason);
        }
        else
        {
            Assert.Equal(capabilities.CudaDeviceCount > 0, cudaAvailability.IsAvailable);
        }
    }

    [Fact]
    public void CudaRunFailsWithTheReasonWhenTheLibraryHasNoCuda()
    {
        Requirements.NativeLibrary();
        if (CheegerLibrary.Capabilities().HasBackend(CheegerBackendFlag.Cuda)) Assert.Skip("This library has CUDA.");
        using NativeIsoperimetric cuda = NativeIsoperimetric.Cuda();
        var data = new Dataset(TwelvePoints, 12, 2);
        var e = Assert.Throws<CheegerNativeException>(() => cuda.Run(data, new IsoperimetricOptions { K = 2 }, TestContext.Current.CancellationToken));
        Assert.Equal(CheegerStatus.Unsupported, e.Status);
    }

    [Fact]
    public void SpecPointExampleWithTimingsAndWithoutTheTree()
    {
        Requirements.NativeLibrary();
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();
        var data = new Dataset(TwelvePoints, 12, 2);
        IsoperimetricResult result = backend.Run(data, new IsoperimetricOptions { K = 4, FullLabels = true, Workers = 2 },
            TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 0, 1, 1, -1, 2, 2, 2, 3, 3, 2], result.Labels);
        Assert.Equal([0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 2], Assert.IsType<int[]>(result.FullLabels));
        Assert.Equal(0.4008211397863306, result.EpsilonHigh);
        Assert.Equal(43, result.SearchSteps);
        Assert.Equal(4.6793262423742741, result.Sigma);
        Assert.Equal(45, result.DecisionCount);
        Assert.Equal(1, result.OutlierCount);
        Assert.Equal(4, result.ClusterCosts.Length);
        Assert.Equal(result.Cost, result.ClusterCosts.Max());
        Assert.Null(result.Tree);
        Assert.Null(result.WeightedTree);
        Assert.Equal(["mst", "weights", "search", "labels"], result.Timings.Phases.Select(p => p.Key));
        Assert.All(result.Timings.Phases, p => Assert.True(p.Value >= 0));
    }

    [Fact]
    public void OptionsAreCheckedBeforeTheLibraryIsCalled()
    {
        Requirements.NativeLibrary();
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();
        var data = new Dataset(TwelvePoints, 12, 2);
        var e = Assert.Throws<ClusteringInputException>(() => backend.Run(data, new IsoperimetricOptions { K = 13 }, TestContext.Current.CancellationToken));
        Assert.Equal("k = 13 exceeds the number of points n = 12.", e.Message);
    }

    [Fact]
    public void DataTheLibraryRefusesIsAnInputError()
    {
        Requirements.NativeLibrary();
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();
        var data = new Dataset([-1e200, 0, 1e200, 0], 2, 2);
        var e = Assert.Throws<ClusteringInputException>(() => backend.Run(data, new IsoperimetricOptions { K = 1 }, TestContext.Current.CancellationToken));
        Assert.Contains("the squared distance between points 0 and 1 overflows a double", e.Message);
    }

    [Theory]
    [InlineData(CheegerIsoSpanningTree.Auto)]
    [InlineData(CheegerIsoSpanningTree.Prim)]
    [InlineData(CheegerIsoSpanningTree.Boruvka)]
    [InlineData(CheegerIsoSpanningTree.Kdtree)]
    public void TreeStageEqualsTheManagedPrim(CheegerIsoSpanningTree algorithm)
    {
        Requirements.NativeLibrary();
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data("yeast.csv"));
        SpanningTree expected = PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken);
        using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, 3);
        var tree = CheegerIsoTreeArrays.Allocate(data.Count);

        CheegerIsoperimetric.MinimumSpanningTree(context, data.Points.Span, data.Dimension, tree, algorithm);

        Assert.Equal(expected.Parent, tree.Parent);
        Assert.Equal(expected.Order, tree.Order);
        Assert.Equal(expected.Depth, tree.Depth);
        Assert.Equal(expected.SiblingRank, tree.SiblingRank);
        Assert.Equal(expected.SquaredEdgeLength, tree.SquaredEdgeLength);
        Assert.Equal(expected.EdgeLength, tree.EdgeLength);
    }

    [Fact]
    public void PartitionStageOnTheSpecTreeGivesTheSpecOptima()
    {
        Requirements.NativeLibrary();
        using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, 1);
        int[] parent = [-1, 0, 1, 1, 0, 4, 4, 0];
        double[] flow = [0, 3, 6, 5, 1, 4, 4, 1], weight = [1, 1, 1, 1, 1, 1, 1, 2], potential = new double[8];
        CheegerIsoParams parameters = CheegerIsoperimetric.DefaultParameters();
        parameters.K = 4;
        var labels = new int[8];
        var costs = new double[4];

        CheegerIsoInfo info = CheegerIsoperimetric.Partition(context, parent, flow, weight, potential, [], [], parameters, labels, costs);

        Assert.Equal([-1, 0, 0, 0, -1, 1, 2, 3], labels);
        Assert.Equal(4.0, info.Cost);
        Assert.Equal(4.0, info.EpsilonHigh);
        Assert.Equal(41, info.SearchSteps);
        Assert.Equal(2, info.Outliers);
        Assert.Equal([1.0, 4.0, 4.0, 0.5], costs);
    }

    [Fact]
    public void PartitionRefusesAMalformedTree()
    {
        Requirements.NativeLibrary();
        using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, 1);
        CheegerIsoParams parameters = CheegerIsoperimetric.DefaultParameters();
        var e = Assert.Throws<CheegerNativeException>(() => CheegerIsoperimetric.Partition(context, [-1, 2, 1], [0, 1, 1], [1, 1, 1], [0, 0, 0],
            [], [], parameters, new int[3], []));
        Assert.Equal(CheegerStatus.InvalidArgument, e.Status);
        Assert.Equal("cheeger_iso_partition: parent: vertex 1 lies on a cycle and does not reach the root 0", e.NativeMessage);
    }

    [Fact]
    public void SpanLengthsAreCheckedHere()
    {
        Requirements.NativeLibrary();
        using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, 1);
        CheegerIsoParams parameters = CheegerIsoperimetric.DefaultParameters();
        Assert.Throws<ArgumentException>(() => CheegerIsoperimetric.Run(context, TwelvePoints, 2, parameters, new int[11], [], [], [], null));
        Assert.Throws<ArgumentException>(() => CheegerIsoperimetric.Run(context, TwelvePoints, 2, parameters, new int[12], [], new double[3], [], null));
        Assert.Throws<ArgumentException>(() => CheegerIsoperimetric.Run(context, TwelvePoints, 2, parameters, new int[12], [], [], [],
            CheegerIsoTreeArrays.Allocate(5)));
    }

    [Fact]
    public void DefaultsMirrorTheManagedOptions()
    {
        Requirements.NativeLibrary();
        CheegerIsoParams p = CheegerIsoperimetric.DefaultParameters();
        var o = new IsoperimetricOptions();
        Assert.Equal(o.K, p.K);
        Assert.Equal((int)o.Kernel, p.Kernel);
        Assert.Equal((int)o.Weight, p.Weight);
        Assert.Equal(o.SigmaScale, p.SigmaScale);
        Assert.Equal(0.0, p.Sigma);
        Assert.Null(o.Sigma);
        Assert.Equal(o.Beta, p.Beta);
        Assert.Equal(o.SearchTolerance, p.SearchTolerance);
        Assert.Equal(o.MaxSearchSteps, p.MaxSearchSteps);
        Assert.Equal(o.Standardize ? 1 : 0, p.Standardize);
        Assert.Equal(o.FullLabels ? 1 : 0, p.FullLabels);
    }
}
