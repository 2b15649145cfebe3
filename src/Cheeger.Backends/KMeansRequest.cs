using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Backends;

/// <summary>A k-means run: options and the initial centroids every backend starts from.</summary>
/// <param name="Data">The points.</param>
/// <param name="Options">The options, validated by the backend that runs them.</param>
/// <param name="InitialCentroids">k·d starting centroids, row-major (see <see cref="WithSharedStart"/>).</param>
public sealed record KMeansRequest(Dataset Data, KMeansOptions Options, double[] InitialCentroids) : ClusteringRequest(Data)
{
    /// <summary>The request with the shared initial centroids of <see cref="KMeansInitializer"/>.</summary>
    /// <exception cref="ClusteringInputException">An option does not fit the data.</exception>
    public static KMeansRequest WithSharedStart(Dataset data, KMeansOptions options) =>
        new(data, options, KMeansInitializer.InitialCentroids(data, options));

    /// <inheritdoc />
    public override ClusteringMethod Method => ClusteringMethod.KMeans;

    /// <inheritdoc />
    public override int K => Options.K;

    /// <inheritdoc />
    public override int Workers => Options.Workers;

    /// <inheritdoc />
    public override ulong? Seed => Options.Seed;

    /// <inheritdoc />
    public override string? Refusal(BackendRegistration registration) =>
        base.Refusal(registration) ?? (Options.Precision == KMeansPrecision.Single && !registration.OffersSinglePrecision
            ? "it computes in double only (single precision is native CUDA's)"
            : null);

    /// <inheritdoc />
    public override PreparedRun Prepare(BackendSet backends, string name)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var backend = backends.KMeans(name);
        Admit(backend);
        return new PreparedRun(backend, cancellation => backend.Run(Data, Options, InitialCentroids, cancellation));
    }
}
