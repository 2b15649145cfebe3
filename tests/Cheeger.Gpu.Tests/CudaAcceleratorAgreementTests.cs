using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Gpu.Tests;

/// <summary>
/// ILGPU on the CUDA device against the managed parallel backend, which shares its 4096-row chunking (labels, passes,
/// change counts, centroids bit for bit), and the managed serial reference (labels and change counts where the data
/// has no exact ties, inertia), on the bundled data and on several chunks of synthetic data with and without ties. Skipped, with the reason, without a CUDA device.
/// </summary>
[Collection(CudaAcceleratorCollection.Name)]
public sealed class CudaAcceleratorAgreementTests(CudaAcceleratorFixture fixture)
{
    public static TheoryData<string, int, ulong> Cases() => new()
    {
        { "s1.csv", 15, 1 },
        { "s1.csv", 15, 20261123 },
        { "wine.csv", 3, 1 },
        { "blobs", 8, 3 },
        { "grid", 6, 4 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ilgpu_on_cuda_agrees_with_serial_and_parallel(string source, int k, ulong seed)
    {
        IlgpuKMeans backend = fixture.Backend;
        Dataset data = source switch
        {
            "blobs" => RandomData.Blobs(60_000, 3, 8, seed: 71),
            "grid" => RandomData.IntegerGrid(20_000, 2, 9, seed: 72),
            _ => TestData.Load(source),
        };
        var options = new KMeansOptions { K = k, Seed = seed, MaxIterations = 50 };
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        CancellationToken cancel = TestContext.Current.CancellationToken;

        KMeansResult serial = new SerialKMeans().Run(data, options, start, cancel);
        KMeansResult parallel = new ParallelKMeans().Run(data, options, start, cancel);
        KMeansResult onDevice = backend.Run(data, options, start, cancel);

        Assert.True(backend.UsesCuda);
        // The same chunk rule as parallel: everything equal.
        Assert.Equal(parallel.Labels, onDevice.Labels);
        Assert.Equal(parallel.Iterations, onDevice.Iterations);
        Assert.Equal(parallel.ChangesPerIteration, onDevice.ChangesPerIteration);
        Assert.Equal(parallel.Centroids, onDevice.Centroids);
        Assert.Equal(serial.Inertia, onDevice.Inertia, serial.Inertia * 1e-12);
        // Serial sums point by point: its centroids may differ in the last bits, which can flip an exact tie on
        // the integer grid, so its labels are compared where there are none.
        if (source != "grid")
        {
            Assert.Equal(serial.Labels, onDevice.Labels);
            Assert.Equal(serial.ChangesPerIteration, onDevice.ChangesPerIteration);
        }
    }
}
