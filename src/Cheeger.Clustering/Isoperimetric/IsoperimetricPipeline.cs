using System.Diagnostics;
using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// Isoperimetric tree clustering (docs/isoperimetric.md) written once over a backend's <see cref="IIsoperimetricStages"/>,
/// as the native core's <c>iso_pipeline.cpp</c> is: z-scores (when asked) → the spanning tree (§2.2) → σ, flows,
/// weights, potentials (§2.3–2.5) → the ε search over the decision procedure (§4–5) and the choice of k sets (§4.5)
/// → labels (§7).
/// </summary>
public static class IsoperimetricPipeline
{
    /// <summary>
    /// Runs <paramref name="data"/> through the stages that <paramref name="createStages"/> makes for it (called once
    /// the options are valid; it refuses, as <see cref="IsoperimetricMemory.Require"/> does, a run that does not fit),
    /// reporting to <paramref name="progress"/>, on this thread, the start of each stage, the stages' own steps and the end.
    /// </summary>
    /// <exception cref="ClusteringInputException">an option does not fit the data, or the stages lack the spanning-tree algorithm asked for.</exception>
    public static IsoperimetricResult Run(string backend, Dataset data, IsoperimetricOptions options,
        Func<Dataset, IsoperimetricOptions, IIsoperimetricStages> createStages, IProgress<IsoperimetricProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createStages);
        options.Validate(data);
        using var stages = createStages(data, options);
        SpanningTreeChoice.Require(backend, options.SpanningTree, stages.SpanningTrees);
        var timings = new PhaseTimings();

        long start = Stopwatch.GetTimestamp();
        if (options.Standardize)
        {
            progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Standardize));
            data = FeatureStandardizer.Standardize(data);
            timings.AddSince("standardize", start);
        }

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.SpanningTree));
        var tree = stages.SpanningTree(data, options.SpanningTree, progress, cancellation);
        timings.AddSince("mst", start);

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Weights));
        double sigma = TreeWeighting.Sigma(tree, options);
        var weighted = TreeWeighting.Build(tree, sigma, options, () => stages.GraphDegree(data, options.Kernel, sigma, cancellation));
        timings.AddSince("weights", start);

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Search));
        var search = EpsilonSearch.Run(stages.Decider(weighted), options.K, options.SearchTolerance, options.MaxSearchSteps, progress, cancellation);
        var selected = ClusterSelection.Select(weighted, search.Decision, options.K);
        timings.AddSince("search", start);

        start = Stopwatch.GetTimestamp();
        progress?.Report(IsoperimetricProgress.Start(IsoperimetricStage.Labels));
        int[] labels = ClusterLabeling.Label(search.Decision.Representative, selected.IsSelectedTop);
        int[]? full = options.FullLabels ? stages.NearestFill(data, labels) : null;
        timings.AddSince("labels", start);
        progress?.Report(IsoperimetricProgress.Finished);

        return IsoperimetricResult.FromStages(backend, timings, labels, full, selected, search, sigma, tree, weighted, options.IncludeTree);
    }
}
