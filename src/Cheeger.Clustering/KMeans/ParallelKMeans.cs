using System.Diagnostics;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.KMeans;

/// <summary>
/// The serial reference's algorithm on every core, with a SIMD distance kernel. Points are split into fixed
/// chunks of <see cref="KMeansChunk.Rows"/> rows whatever the worker count; each chunk records its changes and the
/// delta sums/counts of its changed points in point order, and the deltas are merged into the running sums in
/// chunk order. So the result is the same, bit for bit, for every worker count, and its labels equal the serial
/// reference's (its centroids agree to rounding: the serial loop adds the same terms in another order).
/// An instance keeps its last run's working arrays (<see cref="KMeansBuffers"/>: the point blocks, labels and chunk
/// deltas, which only grow) for its next run, so a repeated run allocates only its results.
/// </summary>
public sealed class ParallelKMeans : IKMeansBackend
{
    private readonly LaneWidth _width;
    private KMeansBuffers? _spareBuffers; // the last run's, for the next one (a concurrent run makes its own)

    /// <summary>A backend that uses the widest SIMD the hardware accelerates.</summary>
    public ParallelKMeans() : this(LaneWidth.Auto)
    {
    }

    /// <summary>A backend with a fixed vector width (tests compare every width with the reference).</summary>
    internal ParallelKMeans(LaneWidth width) => _width = LaneWidths.Resolve(width);

    /// <inheritdoc />
    public string Name => BackendNames.Parallel;

    /// <inheritdoc />
    public BackendAvailability Availability =>
        BackendAvailability.Available($"managed, {Environment.ProcessorCount} cores, {LaneWidths.Describe(_width)}");

    /// <summary>Called on the calling thread after every pass with the pass number (1-based); for tests.</summary>
    internal Action<int>? PassCompleted { get; init; }

    /// <inheritdoc />
    public KMeansResult Run(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids, CancellationToken cancellation = default)
    {
        KMeansArguments.Check(data, options, initialCentroids);
        int n = data.Count, d = data.Dimension, k = options.K;
        KMeansMemory.RequireParallel(n, d, k);
        int chunks = KMeansChunk.Count(n);
        var timings = new PhaseTimings();

        long layoutStart = Stopwatch.GetTimestamp();
        using var pool = new WorkerPool(Math.Min(options.EffectiveWorkers, chunks));
        KMeansBuffers buffers = Interlocked.Exchange(ref _spareBuffers, null) ?? new KMeansBuffers();
        var blocks = new PointBlocks(data.Points, n, d, LaneWidths.Lanes(_width), buffers);
        pool.Run(blocks, chunks);
        var step = new AssignStep(data.Points, blocks, n, d, k, _width, buffers);
        initialCentroids.CopyTo(step.Centroids);
        var sums = new double[k * d];
        var counts = new int[k];
        // Room for the usual number of passes; a longer run grows the list by doubling (rare, amortised).
        var changesPerPass = new List<int>(Math.Min(options.MaxIterations, 1024));
        timings.AddSince("layout", layoutStart);

        long assignTicks = 0, updateTicks = 0;
        int changes = n; // so that the first pass always runs
        int threshold = n / 100;
        double inertia = 0;
        while (changes > threshold && changesPerPass.Count < options.MaxIterations)
        {
            cancellation.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            pool.Run(step, chunks);
            long updateStart = Stopwatch.GetTimestamp();

            changes = 0;
            inertia = 0;
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                changes += step.ChunkChanges[chunk];
                inertia += step.ChunkInertia[chunk];
                if (step.ChunkChanges[chunk] == 0) continue; // its deltas are all zero
                ReadOnlySpan<double> deltaSums = step.ChunkDeltaSums.AsSpan(chunk * step.SumStride, k * d);
                ReadOnlySpan<int> deltaCounts = step.ChunkDeltaCounts.AsSpan(chunk * step.CountStride, k);
                for (int i = 0; i < sums.Length; i++) sums[i] += deltaSums[i];
                for (int c = 0; c < k; c++) counts[c] += deltaCounts[c];
            }
            changesPerPass.Add(changes);
            double largestMove = CentroidUpdate.Apply(sums, counts, step.Centroids, d);
            long end = Stopwatch.GetTimestamp();
            assignTicks += updateStart - start;
            updateTicks += end - updateStart;
            PassCompleted?.Invoke(changesPerPass.Count);
            if (options.Tolerance > 0 && largestMove <= options.Tolerance) break;
        }

        timings.Add("assign", (double)assignTicks / Stopwatch.Frequency);
        timings.Add("update", (double)updateTicks / Stopwatch.Frequency);
        var labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = (int)step.Labels[i];
        Volatile.Write(ref _spareBuffers, buffers);
        return new KMeansResult
        {
            Labels = labels,
            Centroids = step.Centroids,
            Iterations = changesPerPass.Count,
            ChangesPerIteration = changesPerPass.ToArray(),
            Inertia = inertia,
            Timings = timings,
            Backend = Name,
        };
    }
}
