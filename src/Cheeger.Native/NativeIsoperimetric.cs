using System.Runtime.CompilerServices;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Microsoft.Extensions.Logging;

namespace Cheeger.Native;

/// <summary>
/// Isoperimetric tree clustering in the native core (<c>cheeger_iso_run</c>, docs/isoperimetric.md), on its CPU
/// backend (<c>native-cpu</c>) or its CUDA backend (<c>native-cuda</c>). It returns the managed reference's tree, σ,
/// probes, ε and labels. The native context is created on the first run and reused while the worker count stays
/// the same. The spanning-tree algorithm (Prim, Borůvka, the kd-tree Borůvka, or the backend's choice by size and
/// dimension) changes the time, never the tree.
/// </summary>
public sealed class NativeIsoperimetric : IIsoperimetricBackend, IDisposable
{
    private readonly CheegerBackend _backend;
    private readonly CheegerIsoSpanningTree _spanningTree;
    private readonly ILogger? _logger;
    private readonly Lock _gate = new();
    private NativeContext? _context;
    private bool _disposed;

    private NativeIsoperimetric(string name, CheegerBackend backend, CheegerIsoSpanningTree spanningTree, ILogger? logger)
    {
        if (!Enum.IsDefined(spanningTree)) throw new ArgumentOutOfRangeException(nameof(spanningTree), spanningTree, "Not a spanning-tree algorithm.");
        Name = name;
        _backend = backend;
        _spanningTree = spanningTree;
        _logger = logger;
    }

    /// <summary>The native CPU backend, <c>native-cpu</c>.</summary>
    /// <param name="logger">Receives the library search at debug level.</param>
    /// <param name="spanningTree">How the tree is built (<c>Auto</c>: the kd-tree Borůvka from <c>CHEEGER_ISO_KDTREE_MIN_POINTS_D2</c> … <c>_D10</c> points of at most 2 … 10 dimensions, Prim otherwise).</param>
    public static NativeIsoperimetric Cpu(ILogger? logger = null, CheegerIsoSpanningTree spanningTree = CheegerIsoSpanningTree.Auto) =>
        new(BackendNames.NativeCpu, CheegerBackend.Cpu, spanningTree, logger);

    /// <summary>The native CUDA backend, <c>native-cuda</c>; unavailable when the library has no CUDA or no device is present.</summary>
    /// <param name="logger">Receives the library search at debug level.</param>
    /// <param name="spanningTree">How the tree is built (<c>Auto</c>: Prim below <c>CHEEGER_ISO_BORUVKA_MIN_POINTS</c> points, Borůvka from there; <c>Kdtree</c> runs the device Borůvka).</param>
    public static NativeIsoperimetric Cuda(ILogger? logger = null, CheegerIsoSpanningTree spanningTree = CheegerIsoSpanningTree.Auto) =>
        new(BackendNames.NativeCuda, CheegerBackend.Cuda, spanningTree, logger);

    /// <summary>How this backend builds the spanning tree when <see cref="IsoperimetricOptions.SpanningTree"/> is <c>Auto</c> (another choice there wins).</summary>
    public CheegerIsoSpanningTree SpanningTree => _spanningTree;

    /// <inheritdoc />
    /// <remarks>Every algorithm: a CUDA context, which has no kd-tree, runs its Borůvka for <c>kdtree</c>.</remarks>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees { get; } = Enum.GetValues<SpanningTreeAlgorithm>();

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <remarks>
    /// The same answer as the native k-means backend of the same name: both need the library, the backend compiled
    /// in and, for CUDA, a device. Never throws.
    /// </remarks>
    public BackendAvailability Availability
    {
        get
        {
            using var sameLibrary = _backend == CheegerBackend.Cuda ? NativeKMeans.Cuda(_logger) : NativeKMeans.Cpu(_logger);
            return sameLibrary.Availability;
        }
    }

    /// <inheritdoc />
    /// <remarks>The native call itself cannot be interrupted: <paramref name="cancellation"/> is checked before it starts.</remarks>
    /// <exception cref="ClusteringInputException">An option does not fit the data, or the library refused the data (a tree edge overflows, ...).</exception>
    /// <exception cref="NativeLibraryNotFoundException">libcheeger could not be loaded.</exception>
    /// <exception cref="CheegerNativeException">The native core failed (no CUDA device, out of memory, ...).</exception>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation) =>
        Run(data, options, progress: null, cancellation);

    /// <inheritdoc />
    /// <remarks>
    /// The native call itself cannot be interrupted: <paramref name="cancellation"/> is checked before it starts. The
    /// library's reports (<c>cheeger_context_set_progress</c>) reach <paramref name="progress"/> on this thread; what
    /// <paramref name="progress"/> throws is rethrown once the native call has returned.
    /// </remarks>
    /// <exception cref="ClusteringInputException">An option does not fit the data, or the library refused the data (a tree edge overflows, ...).</exception>
    /// <exception cref="NativeLibraryNotFoundException">libcheeger could not be loaded.</exception>
    /// <exception cref="CheegerNativeException">The native core failed (no CUDA device, out of memory, ...).</exception>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, IProgress<IsoperimetricProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data);
        cancellation.ThrowIfCancellationRequested();

        int n = data.Count;
        CheegerIsoParams parameters = Parameters(options);
        var labels = new int[n];
        int[]? fullLabels = options.FullLabels ? new int[n] : null;
        var clusterCosts = new double[options.K];
        var probes = new CheegerIsoProbe[CheegerIsoperimetric.ProbeCapacity(options.MaxSearchSteps)];
        CheegerIsoTreeArrays? tree = options.IncludeTree ? CheegerIsoTreeArrays.Allocate(n) : null;
        CheegerIsoInfo info;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            NativeContext context = ContextFor(options.EffectiveWorkers);
            // The stages are the C API's, value for value (IsoperimetricStage documents it).
            using var listening = progress is null ? null
                : context.ReportProgress((stage, fraction) => progress.Report(new IsoperimetricProgress((IsoperimetricStage)stage, fraction)));
            try
            {
                info = CheegerIsoperimetric.Run(context, data.Points.Span, data.Dimension, parameters, labels,
                    fullLabels, clusterCosts, probes, tree);
            }
            catch (CheegerNativeException e) when (e.Status == CheegerStatus.InvalidArgument)
            {
                throw new ClusteringInputException(e.NativeMessage);
            }
            listening?.ThrowIfFailed();
        }

        var timings = new PhaseTimings();
        if (options.Standardize) timings.Add("standardize", info.SecondsStandardize);
        timings.Add("mst", info.SecondsMst);
        timings.Add("weights", info.SecondsWeights);
        timings.Add("search", info.SecondsSearch);
        timings.Add("labels", info.SecondsLabels);

        SpanningTree? spanningTree = tree is null ? null : SpanningTreeOf(tree);
        return new IsoperimetricResult
        {
            Backend = Name,
            Timings = timings,
            Labels = labels,
            FullLabels = fullLabels,
            Cost = info.Cost,
            ClusterCosts = clusterCosts,
            EpsilonHigh = info.EpsilonHigh,
            EpsilonLow = info.EpsilonLow,
            Sigma = info.Sigma,
            SearchSteps = info.SearchSteps,
            Probes = [.. probes.Take(info.Decisions).Select(p => new SearchProbe(p.Epsilon, checked((int)p.Count)))],
            Tree = spanningTree,
            WeightedTree = tree is null ? null : WeightedTree.FromSpanningTree(spanningTree!, tree.ParentFlow, tree.VertexWeight, tree.Potential),
        };
    }

    /// <summary>Destroys the native context, if one was created.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _context?.Dispose();
            _context = null;
        }
    }

    /// <summary>
    /// The C parameters of <paramref name="options"/>, already validated (the worker count goes to the context
    /// instead). Every field comes from the options, so the library's defaults are not fetched first.
    /// </summary>
    private CheegerIsoParams Parameters(IsoperimetricOptions options) => new()
    {
        StructSize = Unsafe.SizeOf<CheegerIsoParams>(),
        // The options' choice, or this backend's own when they leave it to the backend (the values are the C API's).
        SpanningTree = options.SpanningTree == SpanningTreeAlgorithm.Auto ? (int)_spanningTree : (int)options.SpanningTree,
        K = options.K,
        Kernel = options.Kernel switch
        {
            FlowKernel.Laplace => (int)CheegerIsoKernel.Laplace,
            FlowKernel.Gauss => (int)CheegerIsoKernel.Gauss,
            _ => (int)CheegerIsoKernel.Inverse,
        },
        Weight = options.Weight switch
        {
            VertexWeight.Tree => (int)CheegerIsoWeight.Tree,
            VertexWeight.Unit => (int)CheegerIsoWeight.Unit,
            _ => (int)CheegerIsoWeight.Graph,
        },
        Sigma = options.Sigma ?? 0.0, // 0: derived from the tree
        SigmaScale = options.SigmaScale,
        Beta = options.Beta,
        SearchTolerance = options.SearchTolerance,
        MaxSearchSteps = options.MaxSearchSteps,
        Standardize = options.Standardize ? 1 : 0,
        FullLabels = options.FullLabels ? 1 : 0,
    };

    private static SpanningTree SpanningTreeOf(CheegerIsoTreeArrays tree) => new()
    {
        Parent = tree.Parent,
        EdgeLength = tree.EdgeLength,
        SquaredEdgeLength = tree.SquaredEdgeLength,
        Depth = tree.Depth,
        SiblingRank = tree.SiblingRank,
        Order = tree.Order,
    };

    /// <summary>The reusable context, made anew when the worker count changes.</summary>
    private NativeContext ContextFor(int workers)
    {
        if (_context is { } existing && existing.RequestedThreads == workers) return existing;
        _context?.Dispose();
        _context = null;
        NativeLibraryLoader.Load(_logger);
        _context = NativeContext.Create(_backend, workers);
        return _context;
    }
}
