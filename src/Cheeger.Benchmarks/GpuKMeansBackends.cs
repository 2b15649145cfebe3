using Cheeger.Clustering.Backends;
using Cheeger.Gpu;
using Cheeger.Native;

namespace Cheeger.Benchmarks;

/// <summary>The GPU k-means backends: the native CUDA core (<c>native-cuda</c>) and ILGPU on CUDA (<c>ilgpu-cuda</c>).</summary>
public static class GpuKMeansBackends
{
    private static readonly string[] Candidates = ["native-cuda", "ilgpu-cuda"];

    /// <summary>Names of the GPU backends that can run on this machine (none without a CUDA device).</summary>
    public static IEnumerable<string> AvailableNames => Candidates.Where(IsAvailable);

    /// <summary>Every GPU backend name with the reason it cannot run here, for those that cannot.</summary>
    public static IEnumerable<(string Name, string Reason)> Unavailable =>
        Candidates.Select(name => (name, Availability(name))).Where(c => !c.Item2.IsAvailable).Select(c => (c.name, c.Item2.Reason));

    /// <summary>A new backend instance; dispose it when it is <see cref="IDisposable"/>.</summary>
    public static IKMeansBackend Create(string name) => name switch
    {
        "native-cuda" => NativeKMeans.Cuda(),
        "ilgpu-cuda" => new IlgpuKMeans(IlgpuDevicePreference.Cuda),
        _ => throw new ArgumentException($"Unknown GPU k-means backend '{name}'.", nameof(name)),
    };

    private static bool IsAvailable(string name) => Availability(name).IsAvailable;

    private static BackendAvailability Availability(string name)
    {
        var backend = Create(name);
        try { return backend.Availability; }
        finally { (backend as IDisposable)?.Dispose(); }
    }
}
