using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The managed reference of isoperimetric tree clustering (docs/isoperimetric.md): <see cref="IsoperimetricPipeline"/>
/// over the stages as the spec writes them, on one thread (<see cref="SerialIsoperimetricStages"/>). Every other
/// backend is checked against it.
/// </summary>
public sealed class SerialIsoperimetric : IIsoperimetricBackend
{
    /// <inheritdoc/>
    public string Name => BackendNames.Serial;

    /// <inheritdoc/>
    public BackendAvailability Availability => BackendAvailability.Available("managed, one thread");

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees => SerialIsoperimetricStages.Offered;

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation) =>
        Run(data, options, progress: null, cancellation);

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, IProgress<IsoperimetricProgress>? progress = null,
        CancellationToken cancellation = default) =>
        IsoperimetricPipeline.Run(Name, data, options, CreateStages, progress, cancellation);

    private static SerialIsoperimetricStages CreateStages(Dataset data, IsoperimetricOptions options)
    {
        IsoperimetricMemory.Require(data, options, parallel: false);
        return new SerialIsoperimetricStages();
    }
}
