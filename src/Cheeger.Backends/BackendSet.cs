using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cheeger.Backends;

/// <summary>
/// The backends of one session, created from the registry on first use and disposed together; <see cref="Auto"/>
/// picks the first available one in <see cref="BackendRegistry.AutoPreference"/> order.
/// </summary>
public sealed class BackendSet(ILogger? logger = null) : IDisposable
{
    /// <summary>The name that lets the set pick.</summary>
    public const string Auto = "auto";

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Dictionary<(string, BackendSettings), IKMeansBackend?> _kmeans = [];
    private readonly Dictionary<(string, BackendSettings), IIsoperimetricBackend?> _isoperimetric = [];
    private readonly Dictionary<(string, BackendSettings, ClusteringMethod), string> _failures = [];

    /// <summary>What the last automatic selection chose and what it passed over, and why; null before one.</summary>
    public AutoChoice? LastAutoChoice { get; private set; }

    /// <summary>The settings every backend of this set is created with.</summary>
    public BackendSettings Settings => new(_logger);

    /// <summary>The k-means backend <paramref name="name"/> (or <see cref="Auto"/>), ready to run.</summary>
    /// <exception cref="ClusteringInputException">No backend has that name.</exception>
    /// <exception cref="BackendUnavailableException">It cannot run k-means here; the message says why.</exception>
    public IKMeansBackend KMeans(string name) => Resolve(ClusteringMethod.KMeans, name, _kmeans, r => r.KMeans);

    /// <summary>The isoperimetric backend <paramref name="name"/> (or <see cref="Auto"/>), ready to run.</summary>
    /// <exception cref="ClusteringInputException">No backend has that name.</exception>
    /// <exception cref="BackendUnavailableException">It cannot run the method here; the message says why.</exception>
    public IIsoperimetricBackend Isoperimetric(string name) => Resolve(ClusteringMethod.Isoperimetric, name, _isoperimetric, r => r.Isoperimetric);

    /// <summary>Whether <paramref name="name"/> can run <paramref name="method"/> here, creating it if needed.</summary>
    public BackendAvailability Availability(ClusteringMethod method, string name) => method == ClusteringMethod.KMeans
        ? Lookup(method, name, Settings, _kmeans, r => r.KMeans)
        : Lookup(method, name, Settings, _isoperimetric, r => r.Isoperimetric);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var backend in _kmeans.Values) (backend as IDisposable)?.Dispose();
        foreach (var backend in _isoperimetric.Values) (backend as IDisposable)?.Dispose();
        _kmeans.Clear();
        _isoperimetric.Clear();
    }

    /// <summary>The first sentence of an availability reason, for one-line messages and tables (native reasons list every path tried).</summary>
    public static string Brief(string reason)
    {
        string line = reason.Split('\n', 2)[0].Trim();
        int stop = line.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? line : line[..(stop + 1)];
    }

    private TBackend Resolve<TBackend>(ClusteringMethod method, string name, Dictionary<(string, BackendSettings), TBackend?> cache,
        Func<BackendRegistration, Func<BackendSettings, TBackend>?> factory) where TBackend : class, IClusteringBackend
    {
        if (name == Auto) return SelectAuto(method, cache, factory);
        BackendAvailability availability = Lookup(method, name, Settings, cache, factory);
        if (!availability.IsAvailable)
        {
            _logger.LogDebug("{Backend} is unavailable: {Reason}", name, availability.Reason);
            throw new BackendUnavailableException($"Backend '{name}' cannot run {method.Title()}: {Brief(availability.Reason).TrimEnd('.')}.");
        }
        return cache[(name, Settings)]!;
    }

    private TBackend SelectAuto<TBackend>(ClusteringMethod method, Dictionary<(string, BackendSettings), TBackend?> cache,
        Func<BackendRegistration, Func<BackendSettings, TBackend>?> factory) where TBackend : class, IClusteringBackend
    {
        var skipped = new List<string>();
        foreach ((string name, BackendSettings settings) in BackendRegistry.AutoPreference(Settings))
        {
            BackendAvailability availability = Lookup(method, name, settings, cache, factory);
            if (availability.IsAvailable)
            {
                TBackend backend = cache[(name, settings)]!;
                LastAutoChoice = new AutoChoice(backend.Name, skipped);
                return backend;
            }
            skipped.Add($"{name}: {Brief(availability.Reason)}");
        }
        throw new BackendUnavailableException($"No backend can run {method.Title()}: {string.Join("; ", skipped)}");
    }

    private BackendAvailability Lookup<TBackend>(ClusteringMethod method, string name, BackendSettings settings,
        Dictionary<(string, BackendSettings), TBackend?> cache, Func<BackendRegistration, Func<BackendSettings, TBackend>?> factory)
        where TBackend : class, IClusteringBackend
    {
        BackendRegistration registration = BackendRegistry.Find(name);
        if (!cache.TryGetValue((name, settings), out TBackend? backend))
        {
            try
            {
                backend = factory(registration)?.Invoke(settings);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A backend whose library or device fails to load is reported, not fatal: others may still run.
                _failures[(name, settings, method)] = e.Message;
                backend = null;
            }
            cache[(name, settings)] = backend;
        }
        if (backend is not null) return backend.Availability;
        return BackendAvailability.Unavailable(_failures.TryGetValue((name, settings, method), out string? failure)
            ? failure
            : $"no {method.Title()} implementation");
    }
}
