using Cheeger.Clustering;
using Cheeger.Clustering.Backends;

namespace Cheeger.Backends;

/// <summary>One backend as the registry knows it: its name, the methods it implements and how to create it.</summary>
/// <param name="Name">The one spelling of the backend, as <c>--backend</c> takes it.</param>
/// <param name="Summary">One line saying what it is.</param>
/// <param name="KMeans">Creates its k-means implementation; null when it has none.</param>
/// <param name="Isoperimetric">Creates its isoperimetric implementation; null when it has none.</param>
/// <param name="Placement">Where it computes.</param>
/// <param name="OffersSinglePrecision">Whether its k-means honours <c>KMeansPrecision.Single</c>.</param>
public sealed record BackendRegistration(
    string Name,
    string Summary,
    Func<BackendSettings, IKMeansBackend>? KMeans,
    Func<BackendSettings, IIsoperimetricBackend>? Isoperimetric,
    BackendPlacement Placement,
    bool OffersSinglePrecision = false)
{
    /// <summary>The settings that put it on a GPU: a CUDA device for an accelerator backend; as given otherwise.</summary>
    public BackendSettings OnGpu(BackendSettings settings) =>
        Placement == BackendPlacement.Accelerator ? settings with { Device = Cheeger.Gpu.IlgpuDevicePreference.Cuda } : settings;

    /// <summary>The methods it implements, in <see cref="ClusteringMethod"/> order.</summary>
    public IReadOnlyList<ClusteringMethod> Methods =>
        [.. Enum.GetValues<ClusteringMethod>().Where(Implements)];

    /// <summary>Whether it implements <paramref name="method"/>.</summary>
    public bool Implements(ClusteringMethod method) => method switch
    {
        ClusteringMethod.KMeans => KMeans is not null,
        ClusteringMethod.Isoperimetric => Isoperimetric is not null,
        _ => false,
    };

    /// <summary>
    /// Whether it can run <paramref name="method"/> here, and if not, why: created, asked and disposed. Never throws:
    /// a library or device that fails to load is the reason given.
    /// </summary>
    public BackendAvailability Availability(ClusteringMethod method, BackendSettings? settings = null)
    {
        if (!Implements(method)) return BackendAvailability.Unavailable($"no {method.Title()} implementation");
        try
        {
            IClusteringBackend backend = method == ClusteringMethod.KMeans
                ? KMeans!(settings ?? new BackendSettings())
                : Isoperimetric!(settings ?? new BackendSettings());
            try { return backend.Availability; }
            finally { (backend as IDisposable)?.Dispose(); }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return BackendAvailability.Unavailable(e.Message);
        }
    }
}
