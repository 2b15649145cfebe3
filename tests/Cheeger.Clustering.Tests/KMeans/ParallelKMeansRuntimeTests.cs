using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using static Cheeger.Clustering.Tests.KMeans.KMeansBackendCases;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Tests.KMeans;

/// <summary>Allocation measurements read a process-wide counter, so nothing else may run beside them.</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;

[Collection(nameof(AllocationMeasurements))]
public class ParallelKMeansAllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PassesAfterTheFirstAllocateNothing(int workers)
    {
        var rng = new SplitMix64(21);
        int n = 60_000, d = 2;
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextDouble();
        var data = new Dataset(points, n, d);
        var options = new KMeansOptions { K = 30, Seed = 4, MaxIterations = 20, Workers = workers };
        double[] start = KMeansInitializer.InitialCentroids(data, options);

        var allocatedAfterPass = new long[options.MaxIterations + 1];
        var backend = new ParallelKMeans { PassCompleted = pass => allocatedAfterPass[pass] = GC.GetTotalAllocatedBytes(precise: true) };
        long fewest = long.MaxValue;
        int passes = 0;
        for (int attempt = 0; attempt < 3 && fewest > 0; attempt++) // the counter is process-wide: keep the quietest try
        {
            passes = backend.Run(data, options, start, Cancel).Iterations;
            fewest = Math.Min(fewest, allocatedAfterPass[passes] - allocatedAfterPass[2]);
        }

        Assert.True(passes >= 10, $"only {passes} passes: the measurement needs a longer run");
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void ARepeatedRunAllocatesLittleMoreThanItsResults()
    {
        var rng = new SplitMix64(8);
        int n = 200_000, d = 2;
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextDouble();
        var data = new Dataset(points, n, d);
        var options = new KMeansOptions { K = 20, Seed = 2, MaxIterations = 5, Workers = 2 };
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        var backend = new ParallelKMeans();
        backend.Run(data, options, start, Cancel); // the working arrays are made here and kept

        long fewest = long.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++) // the counter is process-wide: keep the quietest try
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            backend.Run(data, options, start, Cancel);
            fewest = Math.Min(fewest, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        // The labels (4n bytes) and a few small objects; the working arrays (over 6 MB here) are not made again.
        Assert.InRange(fewest, 4L * n, 4L * n + 64 * 1024);
    }
}

public class ParallelKMeansRuntimeTests
{
    [Fact]
    public void IsAvailableAndNamesItsVectorWidth()
    {
        BackendAvailability availability = new ParallelKMeans().Availability;
        Assert.True(availability.IsAvailable);
        Assert.Contains("cores", availability.Reason);
        Assert.Equal("parallel", new ParallelKMeans().Name);
        Assert.Equal("serial", new SerialKMeans().Name);
        Assert.True(new SerialKMeans().Availability.IsAvailable);
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("parallel")]
    public void HonoursCancellation(string backend)
    {
        var data = new Dataset([0, 0, 1, 1, 2, 2], 3, 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(
            () => KMeansBackendCases.Create(backend).Run(data, new KMeansOptions { K = 2 }, [0, 0, 2, 2], cancelled.Token));
    }

    [Fact]
    public void AnInstanceThatRanOtherShapesGivesAFreshInstancesResult()
    {
        var reused = new ParallelKMeans();
        foreach ((int n, int d, int k) in new[] { (20_000, 3, 12), (5_000, 2, 4), (9_000, 5, 30), (20_000, 3, 12) })
        {
            var rng = new SplitMix64((ulong)(n + d + k));
            var points = new double[n * d];
            for (int i = 0; i < points.Length; i++) points[i] = rng.NextDouble();
            var data = new Dataset(points, n, d);
            var options = new KMeansOptions { K = k, Seed = 3, Workers = 2 };
            double[] start = KMeansInitializer.InitialCentroids(data, options);

            KMeansResult expected = new ParallelKMeans().Run(data, options, start, Cancel);
            KMeansResult actual = reused.Run(data, options, start, Cancel);

            Assert.Equal(expected.Labels, actual.Labels);
            Assert.Equal(expected.Centroids, actual.Centroids);
            Assert.Equal(expected.ChangesPerIteration, actual.ChangesPerIteration);
            Assert.Equal(expected.Inertia, actual.Inertia);
        }
    }

    [Fact]
    public void ChunksCoverTheRowsExactly()
    {
        Assert.Equal(4096, KMeansChunk.Rows);
        Assert.Equal(1, KMeansChunk.Count(1));
        Assert.Equal(1, KMeansChunk.Count(4096));
        Assert.Equal(2, KMeansChunk.Count(4097));
        Assert.Equal(245, KMeansChunk.Count(1_000_000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void PointBlocksHoldEachCoordinateWhereTheKernelReadsIt(int lanes)
    {
        var width = (LaneWidth)lanes;
        int n = 4096 + 13, d = 3;
        var points = Enumerable.Range(0, n * d).Select(v => (double)v).ToArray();
        var blocks = new PointBlocks(points, n, d, LaneWidths.Lanes(width));
        for (int chunk = 0; chunk < KMeansChunk.Count(n); chunk++) blocks.Execute(chunk);

        Assert.Equal((n + lanes - 1) / lanes, blocks.BlockCount);
        for (int i = 0; i < blocks.BlockCount * lanes; i++)
        {
            int source = Math.Min(i, n - 1); // padding repeats the last point
            for (int j = 0; j < d; j++)
                Assert.Equal(points[source * d + j], blocks.Values[(i / lanes * d + j) * lanes + i % lanes]);
        }
    }
}

public class WorkerPoolTests
{
    private sealed class CountingWork(int chunks) : IChunkWork
    {
        public int[] Runs { get; } = new int[chunks];

        public void Execute(int chunk) => Interlocked.Increment(ref Runs[chunk]);
    }

    private sealed class FailingWork : IChunkWork
    {
        public void Execute(int chunk)
        {
            if (chunk == 3) throw new InvalidOperationException("chunk 3 failed");
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 7)]
    [InlineData(2, 1)]
    [InlineData(3, 100)]
    [InlineData(8, 5)]
    public void RunsEveryChunkExactlyOncePerStep(int workers, int chunks)
    {
        using var pool = new WorkerPool(workers);
        var work = new CountingWork(chunks);
        for (int step = 1; step <= 20; step++)
        {
            pool.Run(work, chunks);
            Assert.All(work.Runs, runs => Assert.Equal(step, runs));
        }
        Assert.Equal(workers, pool.Size);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void PassesAChunkFailureToTheCallerAndStaysUsable(int workers)
    {
        using var pool = new WorkerPool(workers);
        var error = Assert.Throws<InvalidOperationException>(() => pool.Run(new FailingWork(), 10));
        Assert.Equal("chunk 3 failed", error.Message);

        var work = new CountingWork(10);
        pool.Run(work, 10);
        Assert.All(work.Runs, runs => Assert.Equal(1, runs));
    }

    [Fact]
    public void DisposeStopsTheHelpersAndIsIdempotent()
    {
        var pool = new WorkerPool(4);
        pool.Dispose();
        pool.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pool.Run(new CountingWork(1), 1));
    }
}
