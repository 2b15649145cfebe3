using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Gpu.Tests;

/// <summary>
/// The ILGPU k-means tests, written once and run on every accelerator (see the sealed subclasses). The
/// subclass's fixture holds one backend for the whole collection, so these tests also exercise buffer reuse.
/// </summary>
public abstract class IlgpuKMeansTests(IlgpuAcceleratorFixture fixture)
{
    private IlgpuKMeans Backend => fixture.Backend;

    [Fact]
    public void Hand_computed_run_matches_every_pass()
    {
        // 1-D points 0, 1, 10, 11 from centroids 0 and 1: pass 1 puts 1, 10, 11 with centroid 1 (changes 4,
        // centroids 0 and 22/3); pass 2 moves 1 over (changes 1, centroids 0.5 and 10.5); pass 3 changes nothing.
        var data = new Dataset([0, 1, 10, 11], 4, 1);
        var result = Backend.Run(data, new KMeansOptions { K = 2 }, [0.0, 1.0], TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 1, 1], result.Labels);
        Assert.Equal([0.5, 10.5], result.Centroids);
        Assert.Equal(3, result.Iterations);
        Assert.Equal([4, 1, 0], result.ChangesPerIteration);
        Assert.Equal(1.0, result.Inertia);
        Assert.Equal("ilgpu", result.Backend);
        Assert.Equal(["init", "assign", "update", "download"], result.Timings.Phases.Select(p => p.Key));
    }

    [Fact]
    public void Equidistant_point_goes_to_the_smaller_index()
    {
        // 2 is as far from 0 as from 4: it joins cluster 0 (centroid 1), then nothing changes.
        var data = new Dataset([0, 2, 4], 3, 1);
        var result = Backend.Run(data, new KMeansOptions { K = 2 }, [0.0, 4.0], TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 1], result.Labels);
        Assert.Equal([1.0, 4.0], result.Centroids);
        Assert.Equal([3, 0], result.ChangesPerIteration);
    }

    [Fact]
    public void Empty_cluster_keeps_its_centroid()
    {
        // Centroid 1 at 100 is nobody's nearest: it stays where it is, and the run stays finite.
        var data = new Dataset([0, 1, 2, 3], 4, 1);
        var result = Backend.Run(data, new KMeansOptions { K = 2 }, [0.0, 100.0], TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 0, 0], result.Labels);
        Assert.Equal([1.5, 100.0], result.Centroids);
    }

    [Fact]
    public void Same_input_gives_the_same_result_twice()
    {
        var data = RandomData.Blobs(6000, 3, 6, seed: 11);
        var options = new KMeansOptions { K = 6, Seed = 5 };
        double[] initial = KMeansInitializer.InitialCentroids(data, options);

        var first = Backend.Run(data, options, initial, TestContext.Current.CancellationToken);
        var second = Backend.Run(data, options, initial, TestContext.Current.CancellationToken);

        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Centroids, second.Centroids); // bit for bit
        Assert.Equal(first.ChangesPerIteration, second.ChangesPerIteration);
        Assert.Equal(first.Inertia, second.Inertia);
    }

    [Fact]
    public void Buffers_are_reused_when_a_run_fits_and_grown_when_it_does_not()
    {
        var large = RandomData.Blobs(5000, 4, 8, seed: 21);
        var small = RandomData.IntegerGrid(700, 2, 9, seed: 22);
        var larger = RandomData.Blobs(9000, 5, 4, seed: 23);
        var largeOptions = new KMeansOptions { K = 8, Seed = 1 };
        var smallOptions = new KMeansOptions { K = 3, Seed = 2 };
        var largerOptions = new KMeansOptions { K = 12, Seed = 3 };
        var token = TestContext.Current.CancellationToken;

        Backend.Run(large, largeOptions, KMeansInitializer.InitialCentroids(large, largeOptions), token);
        int afterLarge = Backend.BufferAllocations;
        var smallResult = Backend.Run(small, smallOptions, KMeansInitializer.InitialCentroids(small, smallOptions), token);
        Assert.Equal(afterLarge, Backend.BufferAllocations);
        var largerResult = Backend.Run(larger, largerOptions, KMeansInitializer.InitialCentroids(larger, largerOptions), token);
        Assert.True(Backend.BufferAllocations > afterLarge, "a run with larger n, d and k must grow the buffers");

        // Leftovers of the earlier runs in the reused buffers change nothing: a fresh instance agrees.
        using var fresh = new IlgpuKMeans(Backend.DevicePreference);
        var freshSmall = fresh.Run(small, smallOptions, KMeansInitializer.InitialCentroids(small, smallOptions), token);
        var freshLarger = fresh.Run(larger, largerOptions, KMeansInitializer.InitialCentroids(larger, largerOptions), token);
        Assert.Equal(freshSmall.Labels, smallResult.Labels);
        Assert.Equal(freshSmall.Centroids, smallResult.Centroids);
        Assert.Equal(freshLarger.Labels, largerResult.Labels);
        Assert.Equal(freshLarger.Centroids, largerResult.Centroids);
    }

    [Fact]
    public void Stops_at_max_iterations()
    {
        var data = RandomData.Blobs(3000, 2, 10, seed: 31);
        var options = new KMeansOptions { K = 10, Seed = 4, MaxIterations = 2 };
        var result = Backend.Run(data, options, KMeansInitializer.InitialCentroids(data, options), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Iterations);
        Assert.Equal(2, result.ChangesPerIteration.Length);
        Assert.Equal(3000, result.ChangesPerIteration[0]);
    }

    [Fact]
    public void A_large_tolerance_stops_after_the_first_pass()
    {
        var data = RandomData.Blobs(2000, 2, 5, seed: 41);
        var options = new KMeansOptions { K = 5, Seed = 6, Tolerance = 1e6 };
        var result = Backend.Run(data, options, KMeansInitializer.InitialCentroids(data, options), TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Iterations);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var data = RandomData.Blobs(500, 2, 3, seed: 51);
        var options = new KMeansOptions { K = 3 };
        double[] initial = KMeansInitializer.InitialCentroids(data, options);

        Assert.Throws<OperationCanceledException>(() => Backend.Run(data, options, initial, new CancellationToken(canceled: true)));
    }

    public static TheoryData<KMeansOptions, string> BadOptions => new()
    {
        { new KMeansOptions { K = 0 }, "k " },
        { new KMeansOptions { K = 11 }, "k " },
        { new KMeansOptions { K = 2, MaxIterations = 0 }, "max iterations " },
        { new KMeansOptions { K = 2, Tolerance = -1 }, "tolerance " },
        { new KMeansOptions { K = 2, Tolerance = double.NaN }, "tolerance " },
        { new KMeansOptions { K = 2, Workers = -1 }, "workers " },
        { new KMeansOptions { K = 2, Init = (KMeansInit)7 }, "init " },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_raise_an_input_error_naming_the_option(KMeansOptions options, string option)
    {
        var data = RandomData.IntegerGrid(10, 2, 4, seed: 61);
        double[] initial = new double[Math.Max(options.K, 0) * 2];

        var error = Assert.Throws<ClusteringInputException>(() => Backend.Run(data, options, initial, TestContext.Current.CancellationToken));
        Assert.StartsWith(option, error.Message);
    }

    [Fact]
    public void Initial_centroids_of_the_wrong_size_or_not_finite_are_rejected()
    {
        var data = RandomData.IntegerGrid(10, 2, 4, seed: 62);
        var options = new KMeansOptions { K = 2 };
        var token = TestContext.Current.CancellationToken;

        var wrongSize = Assert.Throws<ClusteringInputException>(() => Backend.Run(data, options, [1.0, 2.0, 3.0], token));
        Assert.Contains("k·d", wrongSize.Message);
        var notFinite = Assert.Throws<ClusteringInputException>(() => Backend.Run(data, options, [1.0, 2.0, double.NaN, 3.0], token));
        Assert.Contains("centroid 2, feature 1", notFinite.Message);
    }

    [Fact]
    public void Availability_names_the_device()
    {
        Assert.True(Backend.Availability.IsAvailable);
        Assert.Equal("ilgpu", Backend.Name);
        Assert.StartsWith(Backend.UsesCuda ? "CUDA: " : "CPU accelerator", Backend.Availability.Reason);
    }
}

/// <summary>The tests on the ILGPU CPU accelerator (always present).</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class CpuAcceleratorKMeansTests(CpuAcceleratorFixture fixture) : IlgpuKMeansTests(fixture);

/// <summary>The tests on the first CUDA device; skipped, with the reason, where there is none.</summary>
[Collection(CudaAcceleratorCollection.Name)]
public sealed class CudaAcceleratorKMeansTests(CudaAcceleratorFixture fixture) : IlgpuKMeansTests(fixture);
