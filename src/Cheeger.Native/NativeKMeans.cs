using System.Runtime.CompilerServices;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Cheeger.Interop;
using Microsoft.Extensions.Logging;

namespace Cheeger.Native;

/// <summary>
/// Lloyd's k-means in the native core (<c>cheeger_kmeans_run</c>), on its CPU backend (<c>native-cpu</c>) or its
/// CUDA backend (<c>native-cuda</c>). Starts from the shared initial centroids like every backend. The native
/// context is created on the first run and reused while the worker count stays the same.
/// </summary>
public sealed class NativeKMeans : IKMeansBackend, IDisposable
{
    private readonly CheegerBackend _backend;
    private readonly ILogger? _logger;
    private readonly Lock _gate = new();
    private NativeContext? _context;
    private bool _disposed;

    private NativeKMeans(string name, CheegerBackend backend, ILogger? logger)
    {
        Name = name;
        _backend = backend;
        _logger = logger;
    }

    /// <summary>The native CPU backend, <c>native-cpu</c>.</summary>
    /// <param name="logger">Receives the library search at debug level.</param>
    public static NativeKMeans Cpu(ILogger? logger = null) => new(BackendNames.NativeCpu, CheegerBackend.Cpu, logger);

    /// <summary>The native CUDA backend, <c>native-cuda</c>.</summary>
    /// <param name="logger">Receives the library search at debug level.</param>
    public static NativeKMeans Cuda(ILogger? logger = null) => new(BackendNames.NativeCuda, CheegerBackend.Cuda, logger);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <remarks>Never throws: a missing library, a backend not compiled in or a missing device is the reason given.</remarks>
    public BackendAvailability Availability
    {
        get
        {
            LoadedNativeLibrary library;
            CheegerCapabilities capabilities;
            try
            {
                library = NativeLibraryLoader.Load(_logger);
                capabilities = CheegerLibrary.Capabilities();
            }
            catch (Exception e) when (e is NativeLibraryNotFoundException or NativeLibraryVersionException or CheegerNativeException)
            {
                return BackendAvailability.Unavailable(e.Message);
            }
            string origin = $"libcheeger {library.Version} ({library.Path})";
            if (_backend == CheegerBackend.Cpu)
            {
                return capabilities.HasBackend(CheegerBackendFlag.Cpu)
                    ? BackendAvailability.Available($"{origin}, {capabilities.HardwareThreads} hardware threads")
                    : BackendAvailability.Unavailable($"{origin} was built without its CPU backend.");
            }
            if (!capabilities.HasBackend(CheegerBackendFlag.Cuda))
                return BackendAvailability.Unavailable($"{origin} was built without CUDA (configure the native build with a CUDA toolkit present).");
            if (capabilities.CudaDeviceCount == 0)
                return BackendAvailability.Unavailable($"{origin}: CUDA compiled in, no CUDA device (no NVIDIA GPU or driver on this machine).");
            return BackendAvailability.Available(
                $"{origin}, {capabilities.CudaDeviceName} (compute {capabilities.CudaComputeMajor}.{capabilities.CudaComputeMinor}, " +
                $"{capabilities.CudaTotalMemory / (1024.0 * 1024 * 1024):F1} GiB)");
        }
    }

    /// <inheritdoc />
    /// <remarks>The native call itself cannot be interrupted: <paramref name="cancellation"/> is checked before it starts.</remarks>
    /// <exception cref="ClusteringInputException">An option or the initial centroids do not fit the data.</exception>
    /// <exception cref="NativeLibraryNotFoundException">libcheeger could not be loaded.</exception>
    /// <exception cref="CheegerNativeException">The native core refused or failed (e.g. no CUDA device).</exception>
    public KMeansResult Run(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids, CancellationToken cancellation = default)
    {
        KMeansArguments.Check(data, options, initialCentroids, offersSinglePrecision: _backend == CheegerBackend.Cuda);
        int d = data.Dimension;
        cancellation.ThrowIfCancellationRequested();

        // Every field comes from the options, so the library's defaults are not fetched first; the size is ours.
        var parameters = new CheegerKMeansParams
        {
            StructSize = Unsafe.SizeOf<CheegerKMeansParams>(),
            K = options.K,
            MaxIterations = options.MaxIterations,
            Seed = options.Seed,
            Tolerance = options.Tolerance,
            Init = (int)CheegerKMeansInit.Random, // unused: the initial centroids are given
            Precision = (int)(options.Precision == KMeansPrecision.Single ? CheegerPrecision.Single : CheegerPrecision.Double),
        };

        var labels = new int[data.Count];
        var centroids = new double[options.K * d];
        CheegerKMeansInfo info;
        long[] changes;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            NativeContext context = ContextFor(options.EffectiveWorkers);
            info = CheegerKMeans.Run(context, data.Points.Span, d, parameters, initialCentroids, labels, centroids);
            changes = CheegerKMeans.ChangesPerPass(context);
        }

        var timings = new PhaseTimings();
        timings.Add("init", info.SecondsInit);
        timings.Add("assign", info.SecondsAssign);
        timings.Add("update", info.SecondsUpdate);
        return new KMeansResult
        {
            Labels = labels,
            Backend = Name,
            Timings = timings,
            Centroids = centroids,
            Iterations = info.Iterations,
            ChangesPerIteration = [.. changes.Select(count => checked((int)count))],
            Inertia = info.Inertia,
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
