using System.Diagnostics;
using Cheeger.Cli.Commands;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Cli.Running;

/// <summary>Runs the chosen method on one backend, the same way for <c>cluster</c> and <c>compare</c>.</summary>
internal static class MethodRunner
{
    /// <summary>The shared initial centroids of a k-means run, timed into <paramref name="phases"/>.</summary>
    public static double[] InitialCentroids(Dataset data, KMeansOptions options, PhaseTimings phases)
    {
        long start = Stopwatch.GetTimestamp();
        double[] centroids = KMeansInitializer.InitialCentroids(data, options);
        phases.AddSince("initial_centroids", start);
        return centroids;
    }

    /// <summary>
    /// Runs <paramref name="settings"/> on <paramref name="backend"/>. A k-means run starts from
    /// <paramref name="initialCentroids"/> (required for k-means, ignored otherwise).
    /// </summary>
    public static RunOutcome Run(IClusteringBackend backend, Dataset data, RunSettings settings, double[]? initialCentroids,
        CancellationToken cancellation = default)
    {
        long start = Stopwatch.GetTimestamp();
        ClusteringResult result = settings.Method switch
        {
            ClusteringMethod.KMeans => ((IKMeansBackend)backend).Run(data, settings.KMeans,
                initialCentroids ?? throw new ArgumentNullException(nameof(initialCentroids)), cancellation),
            _ => ((IIsoperimetricBackend)backend).Run(data, settings.Isoperimetric, cancellation),
        };
        return new RunOutcome(result, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
