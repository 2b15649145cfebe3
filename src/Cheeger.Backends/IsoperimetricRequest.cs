using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Backends;

/// <summary>An isoperimetric tree clustering run.</summary>
/// <param name="Data">The points.</param>
/// <param name="Options">The options, validated by the backend that runs them.</param>
public sealed record IsoperimetricRequest(Dataset Data, IsoperimetricOptions Options) : ClusteringRequest(Data)
{
    /// <summary>
    /// Where the run reports how far it has got (<see cref="IsoperimetricProgress"/>: the stage and the part of it
    /// done), on the thread that runs it; null (the default) reports nothing.
    /// </summary>
    public IProgress<IsoperimetricProgress>? Progress { get; init; }

    /// <inheritdoc />
    public override ClusteringMethod Method => ClusteringMethod.Isoperimetric;

    /// <inheritdoc />
    public override int K => Options.K;

    /// <inheritdoc />
    public override int Workers => Options.Workers;

    /// <inheritdoc />
    public override bool Standardizes => Options.Standardize;

    /// <inheritdoc />
    /// <remarks>A backend that lacks the spanning-tree algorithm asked for (<see cref="Cheeger.Clustering.Backends.IIsoperimetricBackend.SpanningTrees"/>) refuses it.</remarks>
    public override string? Refusal(BackendRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (base.Refusal(registration) is { } refusal) return refusal;
        if (Options.SpanningTree == SpanningTreeAlgorithm.Auto) return null;
        var backend = registration.Isoperimetric!(new BackendSettings());
        try { return SpanningTreeChoice.Refusal(Options.SpanningTree, backend.SpanningTrees); }
        finally { (backend as IDisposable)?.Dispose(); }
    }

    /// <inheritdoc />
    public override PreparedRun Prepare(BackendSet backends, string name)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var backend = backends.Isoperimetric(name);
        Admit(backend);
        return new PreparedRun(backend, cancellation => backend.Run(Data, Options, Progress, cancellation));
    }
}
