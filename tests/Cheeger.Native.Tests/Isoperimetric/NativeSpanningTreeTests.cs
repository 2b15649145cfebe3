using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>
/// Every spanning-tree algorithm of the native backends gives the managed serial reference's tree, σ, ε and labels:
/// Prim, Borůvka and the kd-tree Borůvka on native-cpu everywhere, and on native-cuda where a device is present
/// (skipped with the reason otherwise; there the kd-tree choice runs the device Borůvka).
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeSpanningTreeTests
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
        Requirements.NativeLibrary();
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu(spanningTree: algorithm);
        AssertAgreesWithSerial(backend, file, k, algorithm);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NativeCudaAgreesWithSerial(string file, int k, CheegerIsoSpanningTree algorithm)
    {
        Requirements.NativeLibrary();
        using NativeIsoperimetric backend = NativeIsoperimetric.Cuda(spanningTree: algorithm);
        if (!backend.Availability.IsAvailable) Assert.Skip($"native-cuda is not available here: {backend.Availability.Reason}");
        AssertAgreesWithSerial(backend, file, k, algorithm);
    }

    [Fact]
    public void AnUnknownAlgorithmIsRefusedAtConstruction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeIsoperimetric.Cpu(spanningTree: (CheegerIsoSpanningTree)7));
    }

    private static void AssertAgreesWithSerial(NativeIsoperimetric backend, string file, int k, CheegerIsoSpanningTree algorithm)
    {
        Assert.Equal(algorithm, backend.SpanningTree);
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data(file + ".csv"));
        var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true, Workers = 2 };
        CancellationToken cancel = TestContext.Current.CancellationToken;
        IsoperimetricResult expected = new SerialIsoperimetric().Run(data, options, cancel);
        IsoperimetricResult actual = backend.Run(data, options, cancel);
        IsoResultComparison.AssertAgrees(expected, actual, $"{file} k={k} {backend.Name} {algorithm}");
    }
}
