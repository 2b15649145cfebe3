using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Backend;

/// <summary>
/// native-cpu against the managed serial reference (same labels, passes and change counts) and against the managed
/// parallel backend, which shares its 4096-row chunking (same centroids, bit for bit), for every worker count.
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeKMeansReferenceTests
{
    public static TheoryData<string, int, ulong, int> Cases()
    {
        var cases = new TheoryData<string, int, ulong, int>();
        foreach ((string file, int k) in (ReadOnlySpan<(string, int)>)[("s1.csv", 15), ("wine.csv", 3)])
        {
            foreach (ulong seed in (ReadOnlySpan<ulong>)[1, 20261123])
            {
                foreach (int workers in (ReadOnlySpan<int>)[1, 2, 3, 8]) cases.Add(file, k, seed, workers);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NativeCpuAgreesWithTheManagedBackends(string file, int k, ulong seed, int workers)
    {
        Requirements.NativeLibrary();
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data(file));
        var options = new KMeansOptions { K = k, Seed = seed, Workers = workers };
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        CancellationToken cancel = TestContext.Current.CancellationToken;

        KMeansResult serial = new SerialKMeans().Run(data, options, start, cancel);
        KMeansResult parallel = new ParallelKMeans().Run(data, options, start, cancel);
        using NativeKMeans backend = NativeKMeans.Cpu();
        KMeansResult native = backend.Run(data, options, start, cancel);

        Assert.Equal(serial.Labels, native.Labels);
        Assert.Equal(serial.Iterations, native.Iterations);
        Assert.Equal(serial.ChangesPerIteration, native.ChangesPerIteration);
        Assert.Equal(parallel.Centroids, native.Centroids);
        Assert.Equal(serial.Inertia, native.Inertia, serial.Inertia * 1e-12);
    }
}
