using Cheeger.Backends;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// Every spanning-tree algorithm of the native backends gives the managed serial reference's tree, σ, ε and labels:
/// Prim and Borůvka on native-cpu everywhere, and on native-cuda where a device is present (skipped with the reason
/// otherwise), to the isoperimetric contract's tolerance policy.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class SpanningTreeAlgorithmTests
{
    public static TheoryData<string, int, CheegerIsoSpanningTree> Cases => new()
    {
        { "iris", 3, CheegerIsoSpanningTree.Boruvka }, { "wine", 3, CheegerIsoSpanningTree.Boruvka },
        { "seeds", 3, CheegerIsoSpanningTree.Boruvka }, { "s1", 15, CheegerIsoSpanningTree.Boruvka },
        { "iris", 3, CheegerIsoSpanningTree.Prim }, { "s1", 15, CheegerIsoSpanningTree.Prim },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NativeCpuAgreesWithSerial(string file, int k, CheegerIsoSpanningTree algorithm)
    {
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu(spanningTree: algorithm);
        if (!backend.Availability.IsAvailable) Requirements.SkipUnavailable(ConformanceTarget.Named(BackendNames.NativeCpu), backend.Availability.Reason);
        AssertAgreesWithSerial(backend, file, k, algorithm);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NativeCudaAgreesWithSerial(string file, int k, CheegerIsoSpanningTree algorithm)
    {
        using NativeIsoperimetric backend = NativeIsoperimetric.Cuda(spanningTree: algorithm);
        if (!backend.Availability.IsAvailable) Requirements.SkipUnavailable(ConformanceTarget.Named(BackendNames.NativeCuda), backend.Availability.Reason);
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
        Dataset data = ConformanceData.Load(file);
        var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true, Workers = 2 };
        IsoperimetricResult expected = ReferenceResults.Of(data, options);
        IsoperimetricResult actual = backend.Run(data, options, TestContext.Current.CancellationToken);
        IsoperimetricAgreement.Assert(expected, actual, exact: false, $"{file} k={k} {backend.Name} {algorithm}");
    }
}
