using System.Diagnostics;
using Cheeger.Backends;
using Cheeger.Clustering;

namespace Cheeger.Cli.Running;

/// <summary>Runs a prepared request, the same way for <c>cluster</c> and <c>compare</c>.</summary>
internal static class MethodRunner
{
    /// <summary>Runs <paramref name="run"/> and measures its wall-clock seconds.</summary>
    public static RunOutcome Run(PreparedRun run, CancellationToken cancellation = default)
    {
        long start = Stopwatch.GetTimestamp();
        ClusteringResult result = run.Run(cancellation);
        return new RunOutcome(result, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
