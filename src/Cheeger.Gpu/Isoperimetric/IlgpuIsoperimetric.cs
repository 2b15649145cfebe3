using System.Diagnostics;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using Microsoft.Extensions.Logging;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// Isoperimetric tree clustering (docs/isoperimetric.md) on an ILGPU accelerator (a CUDA GPU when present, else
/// the CPU accelerator), the managed twin of the native CUDA stages: the spanning tree on the device (Borůvka's
/// rounds, or Prim's loop in one group for small n) with Prim's order recovered so the tree is the reference's;
/// σ, flows, weights and potentials by the reference's own host code (O(n), the graph weight O(n²D); the flows
/// need the host's exp, whose bits the device's does not reproduce); the decisions of the ε search on the device, one count back per probe;
/// labels by an exclusive scan on the device; the nearest fill on the device. It returns the reference's tree,
/// σ, probes, ε and labels. One instance owns one accelerator, its compiled kernels and its buffers; runs on it
/// are serialised.
/// </summary>
public sealed class IlgpuIsoperimetric : IIsoperimetricBackend, IDisposable
{
    private readonly Lock _gate = new();
    private readonly IlgpuDevice? _device;
    private readonly IsoperimetricKernelSet? _kernels;
    private readonly IsoperimetricDeviceBuffers? _buffers;
    private bool _disposed;

    /// <summary>Opens the accelerator <paramref name="device"/> asks for and compiles the kernels on it.</summary>
    /// <param name="device">auto (CUDA if present, else CPU), cpu, or cuda.</param>
    /// <param name="logger">optional; told once which device the backend uses.</param>
    /// <param name="spanningTree">How the tree is built (<c>Auto</c>: Prim below <see cref="CheegerConstants.IsoBoruvkaMinPoints"/> points, Borůvka from there, as native CUDA; <c>Kdtree</c> runs Borůvka). Changes the time, never the tree.</param>
    /// <exception cref="ClusteringInputException"><paramref name="device"/> or <paramref name="spanningTree"/> is not a known value.</exception>
    public IlgpuIsoperimetric(IlgpuDevicePreference device = IlgpuDevicePreference.Auto, ILogger? logger = null,
        CheegerIsoSpanningTree spanningTree = CheegerIsoSpanningTree.Auto)
        : this(device, logger, spanningTree, fullGroupsOnCpu: false)
    {
    }

    /// <summary>As the public constructor; <paramref name="fullGroupsOnCpu"/> runs the one-group kernels with full groups on the CPU accelerator (tests).</summary>
    internal IlgpuIsoperimetric(IlgpuDevicePreference device, ILogger? logger, CheegerIsoSpanningTree spanningTree, bool fullGroupsOnCpu)
    {
        if (!Enum.IsDefined(spanningTree))
            throw new ClusteringInputException($"spanning tree {(int)spanningTree} is not a known algorithm (auto, prim, boruvka, kdtree).");
        SpanningTree = spanningTree;
        DevicePreference = device;
        var opened = IlgpuDevice.OpenForBackend(device, logger, accelerator => (new IsoperimetricKernelSet(accelerator, fullGroupsOnCpu), new IsoperimetricDeviceBuffers(accelerator)), out var availability);
        Availability = availability;
        if (opened is { } ready) (_device, (_kernels, _buffers)) = ready;
    }

    /// <inheritdoc/>
    public string Name => BackendNames.Ilgpu;

    /// <summary>Available with the device it runs on, or unavailable with the reason (e.g. cuda asked, none present).</summary>
    public BackendAvailability Availability { get; }

    /// <summary>The device preference this instance was opened with.</summary>
    public IlgpuDevicePreference DevicePreference { get; }

    /// <summary>How this backend builds the spanning tree.</summary>
    public CheegerIsoSpanningTree SpanningTree { get; }

    /// <summary>True when the instance runs on a CUDA device.</summary>
    public bool UsesCuda => _device?.IsCuda ?? false;

    /// <summary>Device buffer (re)allocations so far; runs that fit the current buffers add none.</summary>
    internal int BufferAllocations => _buffers?.Allocations ?? 0;

    /// <summary>A device decider on this instance's accelerator for <paramref name="tree"/> (for tests; not thread-safe with <see cref="Run(Dataset, IsoperimetricOptions, IProgress{IsoperimetricProgress}, CancellationToken)"/>).</summary>
    internal DeviceTreeDecider DeciderFor(WeightedTree tree) => new(tree, _kernels!, _buffers!, _device!.Accelerator.DefaultStream);

    /// <inheritdoc/>
    /// <remarks>Every choice: <c>kdtree</c> runs the device's Borůvka, as native CUDA does.</remarks>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees { get; } = Enum.GetValues<SpanningTreeAlgorithm>();

    /// <summary>
    /// Whether a tree of <paramref name="n"/> points is built by Borůvka (else by Prim): the request's choice, or this
    /// backend's own where the request leaves it to the backend (<c>auto</c>).
    /// </summary>
    internal bool UsesBoruvka(int n, SpanningTreeAlgorithm requested = SpanningTreeAlgorithm.Auto) =>
        (requested == SpanningTreeAlgorithm.Auto ? SpanningTree : (CheegerIsoSpanningTree)(int)requested) switch
        {
            CheegerIsoSpanningTree.Prim => false,
            CheegerIsoSpanningTree.Auto => n >= CheegerConstants.IsoBoruvkaMinPoints,
            _ => true,
        };

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation) =>
        Run(data, options, progress: null, cancellation);

    /// <inheritdoc/>
    /// <remarks>The start of each stage and each probe of the search; the device's spanning tree reports no rounds.</remarks>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, IProgress<IsoperimetricProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (!Availability.IsAvailable)
            throw new ClusteringInputException($"The ilgpu backend cannot run here: {Availability.Reason}");
        options.Validate(data);
        // The host side holds what the parallel backend does: the per-vertex arrays and one column copy of the points (the upload's).
        MemoryBudget.Require(IsoperimetricMemory.Bytes(data, options, parallel: true),
            $"isoperimetric clustering ({Name}) of n = {data.Count}, d = {data.Dimension}");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return RunOnDevice(data, options, progress, cancellation);
        }
    }

    private IsoperimetricResult RunOnDevice(Dataset data, IsoperimetricOptions options, IProgress<IsoperimetricProgress>? progress, CancellationToken cancellation)
    {
        var kernels = _kernels!;
        var buffers = _buffers!;
        var accelerator = _device!.Accelerator;
        var stream = accelerator.DefaultStream;
        var timings = new PhaseTimings();

        long start = Stopwatch.GetTimestamp();
        if (options.Standardize)
        {
            progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Standardize));
            data = FeatureStandardizer.Standardize(data);
            timings.AddSince("standardize", start);
        }
        int n = data.Count, d = data.Dimension;

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.SpanningTree));
        UploadColumns(data, buffers, stream);
        var tree = UsesBoruvka(n, options.SpanningTree)
            ? DeviceBoruvkaTree.Build(kernels, buffers, stream, n, d, cancellation)
            : DevicePrimTree.Build(kernels, buffers, stream, n, d);
        timings.AddSince("mst", start);

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Weights));
        double sigma = TreeWeighting.Sigma(tree, options);
        var weighted = TreeWeighting.Build(data, tree, sigma, options, cancellation);
        var decider = new DeviceTreeDecider(weighted, kernels, buffers, stream);
        timings.AddSince("weights", start);

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Search));
        var search = EpsilonSearch.Run(decider, options.K, options.SearchTolerance, options.MaxSearchSteps, progress, cancellation);
        var selected = ClusterSelection.Select(weighted, search.Decision, options.K);
        timings.AddSince("search", start);

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Labels));
        int[] labels = Label(kernels, buffers, accelerator, selected.IsSelectedTop);
        int[]? full = options.FullLabels ? NearestFill(kernels, buffers, stream, labels, n, d) : null;
        timings.AddSince("labels", start);
        progress?.Report(IsoperimetricProgress.Finished);

        return IsoperimetricResult.FromStages(Name, timings, labels, full, selected, search, sigma, tree, weighted, options.IncludeTree);
    }

    /// <summary>The points to the device as structure of arrays (x_j of vertex i at j·n + i): a thread per vertex then reads coalesced.</summary>
    private static void UploadColumns(Dataset data, IsoperimetricDeviceBuffers buffers, AcceleratorStream stream)
    {
        int n = data.Count, d = data.Dimension;
        var points = data.Points.Span;
        var columns = new double[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) columns[(long)j * n + i] = points[i * d + j];
        }
        buffers.Points.View(columns.Length).CopyFromCPU(stream, columns);
    }

    /// <summary>
    /// The labels of spec §7.1 on the device: the exclusive scan (ILGPU.Algorithms) of the selected tops numbers
    /// the clusters by increasing top; each vertex takes its representative's number, or −1. The representatives
    /// are on the device from the final decision.
    /// </summary>
    private static int[] Label(IsoperimetricKernelSet kernels, IsoperimetricDeviceBuffers buffers, Accelerator accelerator, bool[] isSelectedTop)
    {
        int n = isSelectedTop.Length;
        var stream = accelerator.DefaultStream;
        var selected = buffers.Selected.View(n);
        var scan = buffers.Scan.View(n);
        var temp = buffers.ScanTemp.View(accelerator.ComputeScanTempStorageSize<int>(n));
        var labels = buffers.Labels.View(n);
        selected.CopyFromCPU(stream, [.. isSelectedTop.Select(s => s ? 1 : 0)]);
        kernels.ExclusiveScan(stream, selected, scan, temp);
        kernels.Label(n, buffers.Representative.View(n), selected, scan, labels);
        var host = new int[n];
        labels.CopyToCPU(stream, host.AsSpan());
        stream.Synchronize();
        return host;
    }

    /// <summary>The full labels of spec §7.2: every outlier filled on the device, one thread each; the labels are on the device.</summary>
    private static int[] NearestFill(IsoperimetricKernelSet kernels, IsoperimetricDeviceBuffers buffers, AcceleratorStream stream,
        int[] labels, int n, int d)
    {
        int[] outliers = [.. Enumerable.Range(0, n).Where(v => labels[v] < 0)];
        if (outliers.Length == 0) return (int[])labels.Clone();
        var outlierView = buffers.Outliers.View(outliers.Length);
        var full = buffers.Full.View(n);
        outlierView.CopyFromCPU(stream, outliers);
        buffers.Labels.View(n).CopyTo(stream, full);
        kernels.NearestFill(outliers.Length, buffers.Points.View((long)n * d), n, d, buffers.Labels.View(n), outlierView, full);
        var host = new int[n];
        full.CopyToCPU(stream, host.AsSpan());
        stream.Synchronize();
        return host;
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
