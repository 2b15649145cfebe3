using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;

namespace Cheeger.Backends;

/// <summary>
/// One method's run on a data set, typed by the method (<see cref="KMeansRequest"/>, <see cref="IsoperimetricRequest"/>):
/// it resolves its own kind of backend from a <see cref="BackendSet"/>, so no caller casts a backend or options.
/// </summary>
/// <param name="Data">The points.</param>
public abstract record ClusteringRequest(Dataset Data)
{
    /// <summary>The method.</summary>
    public abstract ClusteringMethod Method { get; }

    /// <summary>The number of clusters asked for.</summary>
    public abstract int K { get; }

    /// <summary>The worker threads asked for (0 = all cores).</summary>
    public abstract int Workers { get; }

    /// <summary>The seed the run depends on, when it has one (k-means).</summary>
    public virtual ulong? Seed => null;

    /// <summary>Whether the method clusters the z-scored features rather than the raw ones.</summary>
    public virtual bool Standardizes => false;

    /// <summary>Why <paramref name="registration"/> cannot serve this request though it implements the method; null when it can.</summary>
    public virtual string? Refusal(BackendRegistration registration) =>
        registration.Implements(Method) ? null : $"no {Method.Title()} implementation";

    /// <summary>The backend <paramref name="name"/> (or <see cref="BackendSet.Auto"/>) of <paramref name="backends"/>, bound to this request.</summary>
    /// <exception cref="ClusteringInputException">No backend has that name.</exception>
    /// <exception cref="BackendUnavailableException">It cannot run the request here.</exception>
    public abstract PreparedRun Prepare(BackendSet backends, string name);

    /// <summary>Throws when <paramref name="backend"/> cannot serve this request (see <see cref="Refusal"/>).</summary>
    protected void Admit(IClusteringBackend backend)
    {
        if (Refusal(BackendRegistry.Find(backend.Name)) is { } refusal)
            throw new BackendUnavailableException($"Backend '{backend.Name}' cannot run this {Method.Title()} request: {refusal}.");
    }
}

/// <summary>A request bound to the backend that will run it.</summary>
/// <param name="Backend">The backend.</param>
/// <param name="Run">Runs the request on it.</param>
public sealed record PreparedRun(IClusteringBackend Backend, Func<CancellationToken, ClusteringResult> Run);
