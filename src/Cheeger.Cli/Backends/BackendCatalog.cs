using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;
using Cheeger.Gpu;
using Cheeger.Native;
using Microsoft.Extensions.Logging;

namespace Cheeger.Cli.Backends;

/// <summary>
/// The one place that knows every backend: its command-line name, which methods it implements, how to create
/// it, and the order <c>--backend auto</c> prefers. Backends are created on first use and disposed with the
/// catalog.
/// </summary>
public sealed class BackendCatalog(ILogger logger) : IDisposable
{
    /// <summary>The name that lets the catalog pick.</summary>
    public const string Auto = "auto";

    /// <summary>Every backend, in the order tables list them; the first is the reference.</summary>
    public static IReadOnlyList<string> Names { get; } = ["serial", "parallel", "ilgpu", "native-cpu", "native-cuda"];

    /// <summary>The reference backend every other one is compared with.</summary>
    public const string Reference = "serial";

    // Fastest first; parallel always runs, so auto always finds one. ILGPU counts only on a CUDA device (on
    // the CPU accelerator it is a simulator, slower than parallel), so auto asks for CUDA outright: without a
    // GPU that fails at once instead of compiling kernels for the CPU accelerator.
    private const string IlgpuOnCuda = "ilgpu (CUDA only)";
    private static readonly string[] AutoPreference = ["native-cuda", IlgpuOnCuda, "native-cpu", "parallel"];

    private readonly Dictionary<(ClusteringMethod, string), Entry> _entries = [];

    /// <summary>The backend <paramref name="name"/> for <paramref name="method"/>, and whether it can run here.</summary>
    /// <returns>The backend (null when it has no implementation of the method) and its availability.</returns>
    public (IClusteringBackend? Backend, BackendAvailability Availability) Find(ClusteringMethod method, string name)
    {
        if (!Names.Contains(name)) throw UnknownBackend(name);
        return Lookup(method, name);
    }

    private (IClusteringBackend? Backend, BackendAvailability Availability) Lookup(ClusteringMethod method, string name)
    {
        if (!_entries.TryGetValue((method, name), out var entry))
        {
            entry = Create(method, name);
            _entries.Add((method, name), entry);
        }
        return (entry.Backend, entry.Availability);
    }

    /// <summary>
    /// The backend to run: <paramref name="name"/> itself, or for <see cref="Auto"/> the first available of
    /// native-cuda, ilgpu on a CUDA device, native-cpu, parallel.
    /// </summary>
    /// <exception cref="ClusteringInputException">the name is not a backend.</exception>
    /// <exception cref="BackendUnavailableException">the backend cannot run here.</exception>
    public IClusteringBackend Resolve(ClusteringMethod method, string name)
    {
        if (name == Auto) return SelectAuto(method);
        var (backend, availability) = Find(method, name);
        if (backend is null || !availability.IsAvailable)
        {
            logger.LogDebug("{Backend} is unavailable: {Reason}", name, availability.Reason);
            throw new BackendUnavailableException($"Backend '{name}' cannot run --method {method.CliName()}: {Brief(availability.Reason).TrimEnd('.')}.");
        }
        return backend;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var entry in _entries.Values) (entry.Backend as IDisposable)?.Dispose();
        _entries.Clear();
    }

    private IClusteringBackend SelectAuto(ClusteringMethod method)
    {
        var skipped = new List<string>();
        foreach (string name in AutoPreference)
        {
            var (backend, availability) = Lookup(method, name);
            if (backend is not null && availability.IsAvailable)
            {
                logger.LogInformation("--backend auto chose {Backend}{Skipped}", backend.Name,
                    skipped.Count == 0 ? "" : "; skipped " + string.Join("; ", skipped));
                return backend;
            }
            skipped.Add($"{name}: {Brief(availability.Reason)}");
        }
        throw new BackendUnavailableException($"No backend can run --method {method.CliName()}: {string.Join("; ", skipped)}");
    }

    private Entry Create(ClusteringMethod method, string name)
    {
        try
        {
            IClusteringBackend? backend = method == ClusteringMethod.KMeans ? CreateKMeans(name) : CreateIsoperimetric(name);
            return backend is null
                ? new Entry(null, BackendAvailability.Unavailable($"no {MethodTitle(method)} implementation"))
                : new Entry(backend, backend.Availability);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A backend whose library or device fails to load is reported, not fatal: others may still run.
            return new Entry(null, BackendAvailability.Unavailable(e.Message));
        }
    }

    private IKMeansBackend? CreateKMeans(string name) => name switch
    {
        "serial" => new SerialKMeans(),
        "parallel" => new ParallelKMeans(),
        "ilgpu" => new IlgpuKMeans(IlgpuDevicePreference.Auto, logger),
        IlgpuOnCuda => new IlgpuKMeans(IlgpuDevicePreference.Cuda),
        "native-cpu" => NativeKMeans.Cpu(logger),
        "native-cuda" => NativeKMeans.Cuda(logger),
        _ => null,
    };

    private IIsoperimetricBackend? CreateIsoperimetric(string name) => name switch
    {
        "serial" => new SerialIsoperimetric(),
        "parallel" => new ParallelIsoperimetric(),
        "native-cpu" => NativeIsoperimetric.Cpu(logger),
        "native-cuda" => NativeIsoperimetric.Cuda(logger),
        _ => null,
    };

    /// <summary>
    /// The first sentence of an availability reason, for one-line messages and tables; reasons of native
    /// backends list every path tried, which <c>-v</c> and the JSON keep.
    /// </summary>
    public static string Brief(string reason)
    {
        string line = reason.Split('\n', 2)[0].Trim();
        int stop = line.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? line : line[..(stop + 1)];
    }

    private static string MethodTitle(ClusteringMethod method) =>
        method == ClusteringMethod.KMeans ? "k-means" : "isoperimetric";

    private static ClusteringInputException UnknownBackend(string name) =>
        new($"Unknown backend '{name}'; expected {Auto}, {string.Join(", ", Names)}.");

    private readonly record struct Entry(IClusteringBackend? Backend, BackendAvailability Availability);
}
