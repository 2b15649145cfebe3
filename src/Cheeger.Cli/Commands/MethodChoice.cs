using System.Diagnostics;
using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Cli.Commands;

/// <summary>The method the command line chose with its typed options, before the data are read.</summary>
internal abstract record MethodChoice
{
    /// <summary>The method.</summary>
    public abstract ClusteringMethod Method { get; }

    /// <summary>
    /// The method's request on <paramref name="data"/>; time it spends preparing goes to <paramref name="phases"/>, and
    /// the run reports its progress to <paramref name="progress"/> where the method reports any.
    /// </summary>
    public abstract ClusteringRequest For(Dataset data, PhaseTimings phases, IProgress<IsoperimetricProgress>? progress);
}

/// <summary>k-means with its options.</summary>
internal sealed record KMeansChoice(KMeansOptions Options) : MethodChoice
{
    /// <inheritdoc />
    public override ClusteringMethod Method => ClusteringMethod.KMeans;

    /// <summary>The request with the shared initial centroids, whose drawing is timed as the run's first phase.</summary>
    public override ClusteringRequest For(Dataset data, PhaseTimings phases, IProgress<IsoperimetricProgress>? progress)
    {
        long start = Stopwatch.GetTimestamp();
        var request = KMeansRequest.WithSharedStart(data, Options);
        phases.AddSince("initial_centroids", start);
        return request;
    }
}

/// <summary>Isoperimetric tree clustering with its options.</summary>
internal sealed record IsoperimetricChoice(IsoperimetricOptions Options) : MethodChoice
{
    /// <inheritdoc />
    public override ClusteringMethod Method => ClusteringMethod.Isoperimetric;

    /// <inheritdoc />
    public override ClusteringRequest For(Dataset data, PhaseTimings phases, IProgress<IsoperimetricProgress>? progress) =>
        new IsoperimetricRequest(data, Options) { Progress = progress };
}
