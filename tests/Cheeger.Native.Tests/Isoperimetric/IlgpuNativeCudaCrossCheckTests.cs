using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Gpu;
using Cheeger.Gpu.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>
/// The two GPU implementations of the paper's pipeline against each other, stage by stage on the same inputs:
/// ILGPU isoperimetric (on the CPU accelerator here, the same kernels as on CUDA) and native-cuda (the emulated
/// device under ./build.sh CudaEmulation, the real one on a GPU machine), each with Prim and with Borůvka: the tree
/// (parent, d², order), flows, weights, potentials, σ, every probe's ε and count, ε high and low, the labels and
/// the full labels, all bit for bit. Data sets of more than 600 rows are sampled (every m-th row), for the CPU
/// accelerator and the emulated device alike. Skipped, with the reason, without native-cuda (failed where
/// CHEEGER_REQUIRE_CUDA=1).
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class IlgpuNativeCudaCrossCheckTests
{
    private const int Rows = 600;

    public static TheoryData<string, CheegerIsoSpanningTree> Cases()
    {
        var cases = new TheoryData<string, CheegerIsoSpanningTree>();
        foreach (string file in (string[])["iris.csv", "wine.csv", "yeast.csv", "s1.csv"])
            foreach (var tree in (CheegerIsoSpanningTree[])[CheegerIsoSpanningTree.Prim, CheegerIsoSpanningTree.Boruvka]) cases.Add(file, tree);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ilgpu_and_native_cuda_agree_stage_by_stage(string file, CheegerIsoSpanningTree tree)
    {
        using NativeIsoperimetric cuda = NativeIsoperimetric.Cuda(spanningTree: tree);
        Requirements.Cuda(cuda.Availability);
        using var ilgpu = new IlgpuIsoperimetric(IlgpuDevicePreference.Cpu, spanningTree: tree);
        Dataset data = Sample(CsvDatasetReader.Load(RepositoryLayout.Data(file)), Rows);
        // β > 0 leaves outliers, so the full labels come from both backends' nearest fills.
        var options = new IsoperimetricOptions { K = 3, Beta = 0.5, FullLabels = true, IncludeTree = true };
        CancellationToken cancel = TestContext.Current.CancellationToken;

        IsoperimetricResult expected = cuda.Run(data, options, cancel);
        IsoperimetricResult actual = ilgpu.Run(data, options, cancel);

        string context = $"{file}, {tree}";
        SpanningTree e = expected.Tree!, a = actual.Tree!;
        Assert.True(e.Parent.SequenceEqual(a.Parent), $"{context}: parents differ");
        Assert.True(Bits(e.SquaredEdgeLength).SequenceEqual(Bits(a.SquaredEdgeLength)), $"{context}: squared edge lengths differ");
        Assert.True(e.Order.SequenceEqual(a.Order), $"{context}: insertion orders differ");
        WeightedTree w = expected.WeightedTree!, b = actual.WeightedTree!;
        Assert.True(Bits(w.ParentFlow).SequenceEqual(Bits(b.ParentFlow)), $"{context}: flows differ");
        Assert.True(Bits(w.VertexWeight).SequenceEqual(Bits(b.VertexWeight)), $"{context}: vertex weights differ");
        Assert.True(Bits(w.Potential).SequenceEqual(Bits(b.Potential)), $"{context}: potentials differ");
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Sigma), BitConverter.DoubleToInt64Bits(actual.Sigma));
        Assert.True(expected.Probes.SequenceEqual(actual.Probes), $"{context}: the searches differ");
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.EpsilonHigh), BitConverter.DoubleToInt64Bits(actual.EpsilonHigh));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.EpsilonLow), BitConverter.DoubleToInt64Bits(actual.EpsilonLow));
        Assert.True(expected.Labels.SequenceEqual(actual.Labels), $"{context}: labels differ");
        Assert.Contains(-1, expected.Labels);
        Assert.True(expected.FullLabels!.SequenceEqual(actual.FullLabels!), $"{context}: full labels differ");
    }

    private static IEnumerable<long> Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits);

    /// <summary>Every m-th row, so that at most <paramref name="rows"/> are left.</summary>
    private static Dataset Sample(Dataset data, int rows)
    {
        if (data.Count <= rows) return data;
        int step = (data.Count + rows - 1) / rows;
        return data.Select([.. Enumerable.Range(0, data.Count).Where(i => i % step == 0)], $"{data.Name} (every {step}th row)");
    }
}
