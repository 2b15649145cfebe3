using System.Diagnostics;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Cheeger.Gpu.KMeans;
using ILGPU;
using ILGPU.Runtime;
using Microsoft.Extensions.Logging;

namespace Cheeger.Gpu;

/// <summary>
/// Lloyd's k-means on an ILGPU accelerator (a CUDA GPU when present, else the CPU accelerator), following the
/// serial reference: assignment against the previous centroids in double, ties to the smaller index; sums
/// updated by the changed points only, with the deterministic 4096-row chunk order that the managed parallel
/// and native CPU backends use; an empty cluster keeps its centroid. The data stay on the device for the
/// whole run; per pass only the change count (and, with a tolerance, the largest centroid movement) come back.
/// One instance owns one accelerator, its compiled kernels and its buffers; runs on it are serialised.
/// </summary>
public sealed class IlgpuKMeans : IKMeansBackend, IDisposable
{
    private readonly Lock _gate = new();
    private readonly IlgpuDevice? _device;
    private readonly KMeansKernelSet? _kernels;
    private readonly KMeansDeviceBuffers? _buffers;
    private readonly int[] _hostChangeCount = new int[1];
    private readonly double[] _hostLargestMovement = new double[1];
    private bool _disposed;

    /// <summary>Opens the accelerator <paramref name="device"/> asks for and compiles the kernels on it.</summary>
    /// <param name="device">auto (CUDA if present, else CPU), cpu, or cuda.</param>
    /// <param name="logger">optional; told once which device the backend uses.</param>
    /// <exception cref="ClusteringInputException"><paramref name="device"/> is not a known preference.</exception>
    public IlgpuKMeans(IlgpuDevicePreference device = IlgpuDevicePreference.Auto, ILogger? logger = null)
    {
        DevicePreference = device;
        var opened = IlgpuDevice.OpenForBackend(device, logger, accelerator => (new KMeansKernelSet(accelerator), new KMeansDeviceBuffers(accelerator)), out var availability);
        Availability = availability;
        if (opened is { } ready) (_device, (_kernels, _buffers)) = ready;
    }

    /// <inheritdoc/>
    public string Name => BackendNames.Ilgpu;

    /// <summary>Available with the device it runs on, or unavailable with the reason (e.g. cuda asked, none present).</summary>
    public BackendAvailability Availability { get; }

    /// <summary>The device preference this instance was opened with.</summary>
    public IlgpuDevicePreference DevicePreference { get; }

    /// <summary>True when the instance runs on a CUDA device.</summary>
    public bool UsesCuda => _device?.IsCuda ?? false;

    /// <summary>Device buffer (re)allocations so far; runs that fit the current buffers add none.</summary>
    internal int BufferAllocations => _buffers?.Allocations ?? 0;

    /// <inheritdoc/>
    public KMeansResult Run(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (!Availability.IsAvailable)
            throw new ClusteringInputException($"The ilgpu backend cannot run here: {Availability.Reason}");
        options.Validate(data);
        KMeansArguments.CheckPrecision(options, offersSinglePrecision: false);
        int n = data.Count, d = data.Dimension, k = options.K;
        if (initialCentroids.Length != (long)k * d)
            throw new ClusteringInputException(
                $"{initialCentroids.Length} initial centroid values given, but k·d = {k}·{d} = {(long)k * d} are needed.");
        for (int i = 0; i < initialCentroids.Length; i++)
        {
            if (!double.IsFinite(initialCentroids[i]))
                throw new ClusteringInputException(
                    $"Initial centroid {i / d + 1}, feature {i % d + 1}: value {initialCentroids[i]} is not a finite number.");
        }
        KMeansArguments.CheckMagnitude(data, initialCentroids);
        int chunks = (n + KMeansKernels.ChunkRows - 1) / KMeansKernels.ChunkRows;
        if ((long)chunks * (k + (long)k * d) > int.MaxValue)
            throw new ClusteringInputException(
                $"k = {k} with d = {d} on n = {n} points is too large for the ilgpu backend: its per-chunk sums, ⌈n/4096⌉·k·(d+1) = {(long)chunks * (k + (long)k * d)}, must stay below 2^31.");

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return RunOnDevice(data, options, initialCentroids, chunks, cancellation);
        }
    }

    private KMeansResult RunOnDevice(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids, int chunks, CancellationToken cancellation)
    {
        var kernels = _kernels!;
        var buffers = _buffers!;
        var stream = _device!.Accelerator.DefaultStream;
        int n = data.Count, d = data.Dimension, k = options.K, kd = k * d;
        var timings = new PhaseTimings();

        long started = Stopwatch.GetTimestamp();
        var points = buffers.Points.View((long)n * d);
        var centroids = buffers.Centroids.View(kd);
        var changed = buffers.Changed.View(n);
        var distances = buffers.Distances.View(n);
        var chunkSums = buffers.ChunkSums.View((long)chunks * kd);
        var chunkCounts = buffers.ChunkCounts.View((long)chunks * k);
        var sums = buffers.Sums.View(kd);
        var counts = buffers.Counts.View(k);
        var movements = buffers.Movements.View(k);
        var changeCount = buffers.ChangeCount.View(1);
        var largestMovement = buffers.LargestMovement.View(1);
        buffers.NextLabels.View(n);
        points.CopyFromCPU(stream, data.Points.Span);
        centroids.CopyFromCPU(stream, initialCentroids);
        kernels.FillLabels(stream, buffers.Labels.View(n), -1);
        sums.MemSetToZero(stream);
        counts.MemSetToZero(stream);
        stream.Synchronize();
        timings.AddSince("init", started);

        var changesPerIteration = new List<int>();
        int changes = n, iterations = 0;
        while (changes > n / 100 && iterations < options.MaxIterations)
        {
            cancellation.ThrowIfCancellationRequested();
            var labels = buffers.Labels.View(n);
            var nextLabels = buffers.NextLabels.View(n);

            long assignStarted = Stopwatch.GetTimestamp();
            kernels.Assign(n, points, centroids, labels, nextLabels, changed, distances, d, k);
            kernels.CountChanges(stream, changed, changeCount);
            changeCount.CopyToCPU(stream, _hostChangeCount.AsSpan());
            stream.Synchronize();
            changes = _hostChangeCount[0];
            timings.AddSince("assign", assignStarted);

            long updateStarted = Stopwatch.GetTimestamp();
            kernels.AccumulateChunkDeltas(new KernelConfig(chunks, kernels.GroupSize),
                points, labels, nextLabels, chunkSums, chunkCounts, n, d, k);
            kernels.MergeChunkDeltas(kd + k, chunkSums, chunkCounts, sums, counts, chunks, kd, k);
            kernels.UpdateCentroids(k, sums, counts, centroids, movements, d);
            bool converged = false;
            if (options.Tolerance > 0)
            {
                kernels.LargestMovement(stream, movements, largestMovement);
                largestMovement.CopyToCPU(stream, _hostLargestMovement.AsSpan());
                stream.Synchronize();
                converged = _hostLargestMovement[0] <= options.Tolerance;
            }
            else
            {
                stream.Synchronize();
            }
            timings.AddSince("update", updateStarted);

            buffers.SwapLabels();
            iterations++;
            changesPerIteration.Add(changes);
            if (converged) break;
        }

        long downloadStarted = Stopwatch.GetTimestamp();
        var finalLabels = new int[n];
        var finalCentroids = new double[kd];
        var finalDistances = new double[n];
        buffers.Labels.View(n).CopyToCPU(stream, finalLabels.AsSpan());
        centroids.CopyToCPU(stream, finalCentroids.AsSpan());
        distances.CopyToCPU(stream, finalDistances.AsSpan());
        stream.Synchronize();
        double inertia = 0;
        foreach (double distance in finalDistances) inertia += distance; // point order, as the reference sums
        timings.AddSince("download", downloadStarted);

        return new KMeansResult
        {
            Labels = finalLabels,
            Backend = Name,
            Timings = timings,
            Centroids = finalCentroids,
            Iterations = iterations,
            ChangesPerIteration = [.. changesPerIteration],
            Inertia = inertia,
        };
    }

    /// <summary>Frees the device buffers, the compiled kernels and the accelerator.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _buffers?.Dispose();
            _device?.Dispose();
        }
    }
}
