using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>
/// native-cuda against native-cpu on every bundled data set, for both methods: k-means labels, centroids, change
/// counts and inertia bit for bit; the isoperimetric tree (parent, d², order) for Prim and for Boruvka, the flows,
/// weights and potentials, σ, ε, the probes and the labels identical. Large sets are sampled (every m-th row) to what
/// the emulated device runs in seconds. Skipped, with the reason, without native-cuda (failed where
/// CHEEGER_REQUIRE_CUDA=1).
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeCudaDataSetTests
{
    private const int KMeansRows = 20_000;
    private const int IsoRows = 1_000;

    public static TheoryData<string> DataSets()
    {
        var sets = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(RepositoryLayout.Data(""), "*.csv").Order(StringComparer.Ordinal))
        {
            sets.Add(Path.GetFileName(file));
        }
        return sets;
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void KMeansIsTheNativeCpuRun(string file)
    {
        using NativeKMeans cuda = NativeKMeans.Cuda();
        Requirements.Cuda(cuda.Availability);
        Dataset data = Sample(CsvDatasetReader.Load(RepositoryLayout.Data(file)), KMeansRows);
        var options = new KMeansOptions { K = ClassCount(data), Seed = 20261201 };
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        CancellationToken cancel = TestContext.Current.CancellationToken;
        using NativeKMeans cpu = NativeKMeans.Cpu();

        KMeansResult expected = cpu.Run(data, options, start, cancel);
        KMeansResult actual = cuda.Run(data, options, start, cancel);

        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.ChangesPerIteration, actual.ChangesPerIteration);
        Assert.Equal(expected.Centroids.Select(BitConverter.DoubleToInt64Bits), actual.Centroids.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Inertia), BitConverter.DoubleToInt64Bits(actual.Inertia));
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void IsoperimetricIsTheNativeCpuRunForPrimAndBoruvka(string file)
    {
        Dataset data = Sample(CsvDatasetReader.Load(RepositoryLayout.Data(file)), IsoRows);
        var options = new IsoperimetricOptions { K = ClassCount(data), FullLabels = true, IncludeTree = true };
        CancellationToken cancel = TestContext.Current.CancellationToken;
        foreach (CheegerIsoSpanningTree tree in (ReadOnlySpan<CheegerIsoSpanningTree>)[CheegerIsoSpanningTree.Prim, CheegerIsoSpanningTree.Boruvka])
        {
            using NativeIsoperimetric cuda = NativeIsoperimetric.Cuda(spanningTree: tree);
            Requirements.Cuda(cuda.Availability);
            using NativeIsoperimetric cpu = NativeIsoperimetric.Cpu(spanningTree: tree);

            AssertIdentical(cpu.Run(data, options, cancel), cuda.Run(data, options, cancel), $"{file}, {tree}");
        }
    }

    private static void AssertIdentical(IsoperimetricResult expected, IsoperimetricResult actual, string context)
    {
        SpanningTree e = expected.Tree!, a = actual.Tree!;
        Assert.True(e.Parent.SequenceEqual(a.Parent), $"{context}: parents differ");
        Assert.True(e.SquaredEdgeLength.SequenceEqual(a.SquaredEdgeLength), $"{context}: squared edge lengths differ");
        Assert.True(e.Order.SequenceEqual(a.Order), $"{context}: insertion orders differ");
        WeightedTree w = expected.WeightedTree!, b = actual.WeightedTree!;
        Assert.True(w.ParentFlow.SequenceEqual(b.ParentFlow), $"{context}: flows differ");
        Assert.True(w.VertexWeight.SequenceEqual(b.VertexWeight), $"{context}: vertex weights differ");
        Assert.True(w.Potential.SequenceEqual(b.Potential), $"{context}: potentials differ");
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Sigma), BitConverter.DoubleToInt64Bits(actual.Sigma));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.EpsilonHigh), BitConverter.DoubleToInt64Bits(actual.EpsilonHigh));
        Assert.True(expected.Probes.SequenceEqual(actual.Probes), $"{context}: the searches differ");
        Assert.True(expected.Labels.SequenceEqual(actual.Labels), $"{context}: labels differ");
        Assert.True((expected.FullLabels ?? []).SequenceEqual(actual.FullLabels ?? []), $"{context}: full labels differ");
    }

    /// <summary>Every m-th row, so that at most <paramref name="rows"/> are left.</summary>
    private static Dataset Sample(Dataset data, int rows)
    {
        if (data.Count <= rows) return data;
        int step = (data.Count + rows - 1) / rows;
        return data.Select([.. Enumerable.Range(0, data.Count).Where(i => i % step == 0)], $"{data.Name} (every {step}th row)");
    }

    /// <summary>The number of ground-truth classes, as the data sets' k.</summary>
    private static int ClassCount(Dataset data) => data.Classes.IsEmpty ? 3 : data.ClassNames.Count;
}
