using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Backend;

/// <summary>
/// native-cuda against the managed serial reference (same labels, passes and change counts per pass), the managed
/// parallel backend (same 4096-row chunking: the same centroids, bit for bit) and native-cpu (the same inertia,
/// bit for bit). Skipped, with the reason, where libcheeger has no CUDA backend or the machine no device.
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeCudaKMeansTests
{
    // The hand-worked line of NativeKMeansTests: changes 6, 1, 1, 2, 1, 0; labels 0 0 0 1 1 2; centroids 2 11 30.
    private static readonly Dataset Line = new([0, 2, 4, 10, 12, 30], 6, 1, name: "line");

    public static TheoryData<string, int, ulong> BundledCases()
    {
        var cases = new TheoryData<string, int, ulong>();
        foreach ((string file, int k) in (ReadOnlySpan<(string, int)>)[("s1.csv", 15), ("wine.csv", 3)])
        {
            foreach (ulong seed in (ReadOnlySpan<ulong>)[1, 20261123]) cases.Add(file, k, seed);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(BundledCases))]
    public void NativeCudaAgreesWithTheOtherBackends(string file, int k, ulong seed)
    {
        using NativeKMeans cuda = CudaOrSkip();
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data(file));
        var options = new KMeansOptions { K = k, Seed = seed };
        AssertAgreement(cuda, data, options);
    }

    [Fact]
    public void NativeCudaAgreesOnSeveralChunksOfUniformPoints()
    {
        // 200 000 points: 49 chunks, the last one partial; k = 40 as in the benchmarks.
        using NativeKMeans cuda = CudaOrSkip();
        var rng = new SplitMix64(20261123);
        var points = new double[200_000 * 2];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextDouble();
        var data = new Dataset(points, 200_000, 2, name: "uniform");
        AssertAgreement(cuda, data, new KMeansOptions { K = 40, Seed = 7, MaxIterations = 30 });
    }

    [Fact]
    public void HandWorkedCaseGivesTheHandWorkedAnswer()
    {
        using NativeKMeans cuda = CudaOrSkip();

        KMeansResult result = cuda.Run(Line, new KMeansOptions { K = 3 }, [0, 2, 4], TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 0, 1, 1, 2], result.Labels);
        Assert.Equal([2.0, 11.0, 30.0], result.Centroids);
        Assert.Equal(6, result.Iterations);
        Assert.Equal([6, 1, 1, 2, 1, 0], result.ChangesPerIteration);
        Assert.Equal(10.0, result.Inertia);
        Assert.Equal("native-cuda", result.Backend);
        Assert.Equal(["init", "assign", "update"], result.Timings.Phases.Select(p => p.Key));
    }

    private static void AssertAgreement(NativeKMeans cuda, Dataset data, KMeansOptions options)
    {
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        CancellationToken cancel = TestContext.Current.CancellationToken;

        KMeansResult serial = new SerialKMeans().Run(data, options, start, cancel);
        KMeansResult parallel = new ParallelKMeans().Run(data, options, start, cancel);
        using NativeKMeans cpu = NativeKMeans.Cpu();
        KMeansResult nativeCpu = cpu.Run(data, options, start, cancel);
        KMeansResult onDevice = cuda.Run(data, options, start, cancel);

        Assert.Equal(serial.Labels, onDevice.Labels);
        Assert.Equal(serial.Iterations, onDevice.Iterations);
        Assert.Equal(serial.ChangesPerIteration, onDevice.ChangesPerIteration);
        Assert.Equal(parallel.Centroids, onDevice.Centroids);
        Assert.Equal(BitConverter.DoubleToInt64Bits(nativeCpu.Inertia), BitConverter.DoubleToInt64Bits(onDevice.Inertia));
        Assert.Equal(serial.Inertia, onDevice.Inertia, serial.Inertia * 1e-12);
    }

    private static NativeKMeans CudaOrSkip()
    {
        Requirements.NativeLibrary();
        NativeKMeans cuda = NativeKMeans.Cuda();
        var availability = cuda.Availability;
        if (!availability.IsAvailable) cuda.Dispose();
        Requirements.Cuda(availability);
        return cuda;
    }
}
