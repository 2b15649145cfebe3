using System.Diagnostics;
using System.Numerics;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// Multi-core isoperimetric tree clustering: Prim with one barrier per step over a persistent worker team and
/// SIMD distances (§6.1), the depth-by-depth decision procedure in pull form (§6.3), the same ε search and
/// selection, labels by exclusive scan and a parallel full labelling. It returns exactly the reference's tree,
/// σ, ε and labels for every worker count (<see cref="IsoperimetricOptions.Workers"/>).
/// </summary>
public sealed class ParallelIsoperimetric : IIsoperimetricBackend
{
    /// <inheritdoc/>
    public string Name => BackendNames.Parallel;

    /// <inheritdoc/>
    public BackendAvailability Availability =>
        BackendAvailability.Available($"managed, {Environment.ProcessorCount} cores, {Vector<double>.Count}-lane SIMD");

    /// <summary>The least width of a tree level that the decision procedure splits over the workers.</summary>
    internal int MinParallelLevelWidth { get; init; } = LevelTreeDecider.DefaultMinParallelWidth;

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data);
        IsoperimetricMemory.Require(data, options, parallel: true);
        var timings = new PhaseTimings();

        long start = Stopwatch.GetTimestamp();
        if (options.Standardize)
        {
            data = FeatureStandardizer.Standardize(data);
            timings.AddSince("standardize", start);
        }

        start = Stopwatch.GetTimestamp();
        using var team = new WorkerTeam(options.EffectiveWorkers);
        var tree = ParallelPrimTreeBuilder.Build(data, team, cancellation);
        timings.AddSince("mst", start);

        start = Stopwatch.GetTimestamp();
        double sigma = TreeWeighting.Sigma(tree, options);
        var weighted = TreeWeighting.Build(data, tree, sigma, options, team, cancellation);
        timings.AddSince("weights", start);

        start = Stopwatch.GetTimestamp();
        var decider = new LevelTreeDecider(weighted, team, MinParallelLevelWidth);
        var search = EpsilonSearch.Run(decider, options.K, options.SearchTolerance, options.MaxSearchSteps, cancellation);
        var selected = ClusterSelection.Select(weighted, search.Decision, options.K);
        timings.AddSince("search", start);

        start = Stopwatch.GetTimestamp();
        int[] labels = ClusterLabeling.Label(search.Decision.Representative, selected.IsSelectedTop);
        int[]? full = options.FullLabels ? NearestClusterFill.Fill(data, labels, team) : null;
        timings.AddSince("labels", start);

        return IsoperimetricResult.FromStages(Name, timings, labels, full, selected, search, sigma, tree, weighted, options.IncludeTree);
    }
}
