using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;

namespace Cheeger.Benchmarks;

/// <summary>
/// The backends the suites measure, from the one registry: the host and GPU backends of a method (the ILGPU
/// simulator on the CPU is left out: it would measure the simulator), and the GPU backends on their GPU.
/// </summary>
public static class BenchmarkBackends
{
    /// <summary>Names of the backends of <paramref name="method"/> that can run here, ILGPU's CPU simulator left out.</summary>
    public static IEnumerable<string> Available(ClusteringMethod method) =>
        BackendRegistry.All.Where(r => r.Placement != BackendPlacement.Accelerator && r.Availability(method).IsAvailable).Select(r => r.Name);

    /// <summary>The GPU k-means backends (native CUDA, ILGPU on CUDA), each with its availability here.</summary>
    public static IEnumerable<(string Name, BackendAvailability Availability)> Gpu =>
        BackendRegistry.All.Where(r => r.Placement != BackendPlacement.Host)
            .Select(r => (r.Name, r.Availability(ClusteringMethod.KMeans, r.OnGpu(new BackendSettings()))));

    /// <summary>Names of the GPU k-means backends that can run here (none without a CUDA device).</summary>
    public static IEnumerable<string> AvailableGpu => Gpu.Where(g => g.Availability.IsAvailable).Select(g => g.Name);

    /// <summary>A new k-means backend <paramref name="name"/> (on its GPU when it has a choice); dispose it when it is <see cref="IDisposable"/>.</summary>
    public static IKMeansBackend KMeans(string name)
    {
        BackendRegistration registration = BackendRegistry.Find(name);
        return registration.KMeans?.Invoke(registration.OnGpu(new BackendSettings()))
            ?? throw new ArgumentException($"Backend '{name}' has no k-means implementation.", nameof(name));
    }

    /// <summary>A new isoperimetric backend <paramref name="name"/>; dispose it when it is <see cref="IDisposable"/>.</summary>
    public static IIsoperimetricBackend Isoperimetric(string name) =>
        BackendRegistry.Find(name).Isoperimetric?.Invoke(new BackendSettings())
        ?? throw new ArgumentException($"Backend '{name}' has no isoperimetric implementation.", nameof(name));
}
