using System.Diagnostics;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The managed reference of isoperimetric tree clustering (docs/isoperimetric.md), one stage after another on
/// one thread: Prim's tree (§2.2) → σ, flows, weights, potentials (§2.3–2.5) → the ε search over the decision
/// procedure (§4–5) and the choice of k sets (§4.5) → labels (§7). Every other backend is checked against it.
/// </summary>
public sealed class SerialIsoperimetric : IIsoperimetricBackend
{
    /// <inheritdoc/>
    public string Name => BackendNames.Serial;

    /// <inheritdoc/>
    public BackendAvailability Availability => BackendAvailability.Available("managed, one thread");

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data);
        IsoperimetricMemory.Require(data, options, parallel: false);
        var timings = new PhaseTimings();

        long start = Stopwatch.GetTimestamp();
        if (options.Standardize)
        {
            data = FeatureStandardizer.Standardize(data);
            timings.AddSince("standardize", start);
        }

        start = Stopwatch.GetTimestamp();
        var tree = PrimTreeBuilder.Build(data, cancellation);
        timings.AddSince("mst", start);

        start = Stopwatch.GetTimestamp();
        double sigma = TreeWeighting.Sigma(tree, options);
        var weighted = TreeWeighting.Build(data, tree, sigma, options, cancellation);
        timings.AddSince("weights", start);

        start = Stopwatch.GetTimestamp();
        var search = EpsilonSearch.Run(new SerialTreeDecider(weighted), options.K, options.SearchTolerance, options.MaxSearchSteps, cancellation);
        var selected = ClusterSelection.Select(weighted, search.Decision, options.K);
        timings.AddSince("search", start);

        start = Stopwatch.GetTimestamp();
        int[] labels = ClusterLabeling.Label(search.Decision.Representative, selected.IsSelectedTop);
        int[]? full = options.FullLabels ? NearestClusterFill.Fill(data, labels) : null;
        timings.AddSince("labels", start);

        return IsoperimetricResult.FromStages(Name, timings, labels, full, selected, search, sigma, tree, weighted, options.IncludeTree);
    }
}
