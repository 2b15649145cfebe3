using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Gpu.Tests;

/// <summary>
/// Same input and seed, same labels: the ILGPU backend against the serial reference and the parallel backend
/// (every worker count) on bundled and random data, and across repeated runs on one accelerator.
/// </summary>
public abstract class IlgpuDeterminismTests(IlgpuAcceleratorFixture fixture)
{
    public static TheoryData<string, int, ulong> Cases => new()
    {
        { "iris.csv", 3, 1 },
        { "wine.csv", 3, 7 },
        { "seeds.csv", 3, 2 },
        { "yeast.csv", 10, 3 },
        { "blobs", 8, 4 },
        { "grid", 6, 5 },
    };

    private static Dataset Data(string name) => name switch
    {
        "blobs" => RandomData.Blobs(5000, 4, 8, seed: 21),   // more than one 4096-row chunk
        "grid" => RandomData.IntegerGrid(3000, 2, 4, seed: 22), // duplicates and equidistant points
        _ => TestData.Load(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ilgpu_gives_the_serial_references_labels(string name, int k, ulong seed)
    {
        var data = Data(name);
        var options = new KMeansOptions { K = k, Seed = seed };
        double[] initial = KMeansInitializer.InitialCentroids(data, options);
        var reference = new SerialKMeans().Run(data, options, initial, TestContext.Current.CancellationToken);

        var first = fixture.Backend.Run(data, options, initial, TestContext.Current.CancellationToken);
        var second = fixture.Backend.Run(data, options, initial, TestContext.Current.CancellationToken);

        Assert.Equal(reference.Labels, first.Labels);
        Assert.Equal(reference.Iterations, first.Iterations);
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Centroids, second.Centroids);
        foreach (int workers in (ReadOnlySpan<int>)[1, 2, 3, 8])
        {
            var parallel = new ParallelKMeans().Run(data, options with { Workers = workers }, initial, TestContext.Current.CancellationToken);
            Assert.Equal(first.Labels, parallel.Labels);
        }
    }
}

/// <summary>On the ILGPU CPU accelerator (always present).</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class CpuAcceleratorDeterminismTests(CpuAcceleratorFixture fixture) : IlgpuDeterminismTests(fixture);

/// <summary>On the first CUDA device; skipped, with the reason, where there is none.</summary>
[Collection(CudaAcceleratorCollection.Name)]
public sealed class CudaAcceleratorDeterminismTests(CudaAcceleratorFixture fixture) : IlgpuDeterminismTests(fixture);
