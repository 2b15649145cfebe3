using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Native;

namespace Cheeger.Benchmarks;

/// <summary>The isoperimetric backends the suites measure, by their command-line names.</summary>
public static class IsoperimetricBackends
{
    private static readonly string[] Candidates = ["serial", "parallel", "native-cpu", "native-cuda"];

    /// <summary>Names of the backends that can run on this machine.</summary>
    public static IEnumerable<string> AvailableNames => Candidates.Where(IsAvailable);

    /// <summary>A new backend instance; dispose it when it is <see cref="IDisposable"/>.</summary>
    public static IIsoperimetricBackend Create(string name) => name switch
    {
        "serial" => new SerialIsoperimetric(),
        "parallel" => new ParallelIsoperimetric(),
        "native-cpu" => NativeIsoperimetric.Cpu(),
        "native-cuda" => NativeIsoperimetric.Cuda(),
        _ => throw new ArgumentException($"Unknown isoperimetric backend '{name}'.", nameof(name)),
    };

    private static bool IsAvailable(string name)
    {
        var backend = Create(name);
        try { return backend.Availability.IsAvailable; }
        finally { (backend as IDisposable)?.Dispose(); }
    }
}
