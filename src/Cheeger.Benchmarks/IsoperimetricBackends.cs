using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Benchmarks;

/// <summary>The isoperimetric backends the suites measure, by their command-line names.</summary>
public static class IsoperimetricBackends
{
    private static readonly string[] Candidates = ["serial", "parallel"];

    /// <summary>Names of the backends that can run on this machine.</summary>
    public static IEnumerable<string> AvailableNames => Candidates.Where(name => Create(name).Availability.IsAvailable);

    /// <summary>A new backend instance.</summary>
    public static IIsoperimetricBackend Create(string name) => name switch
    {
        "serial" => new SerialIsoperimetric(),
        "parallel" => new ParallelIsoperimetric(),
        _ => throw new ArgumentException($"Unknown isoperimetric backend '{name}'.", nameof(name)),
    };
}
