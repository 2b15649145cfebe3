using Cheeger.Clustering.Backends;
using Cheeger.Clustering.KMeans;
using Cheeger.Native;

namespace Cheeger.Benchmarks;

/// <summary>The k-means backends the suites measure, by their command-line names.</summary>
public static class KMeansBackends
{
    private static readonly string[] Candidates = ["serial", "parallel", "native-cpu", "native-cuda"];

    /// <summary>Names of the backends that can run on this machine.</summary>
    public static IEnumerable<string> AvailableNames => Candidates.Where(IsAvailable);

    /// <summary>A new backend instance; dispose it when it is <see cref="IDisposable"/>.</summary>
    public static IKMeansBackend Create(string name) => name switch
    {
        "serial" => new SerialKMeans(),
        "parallel" => new ParallelKMeans(),
        "native-cpu" => NativeKMeans.Cpu(),
        "native-cuda" => NativeKMeans.Cuda(),
        _ => throw new ArgumentException($"Unknown k-means backend '{name}'.", nameof(name)),
    };

    private static bool IsAvailable(string name)
    {
        var backend = Create(name);
        try { return backend.Availability.IsAvailable; }
        finally { (backend as IDisposable)?.Dispose(); }
    }
}
