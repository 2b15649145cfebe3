namespace Cheeger.Clustering.Isoperimetric;

/// <summary>The outcome of isoperimetric tree clustering. <see cref="ClusteringResult.Labels"/> are the raw labels (−1 = outlier).</summary>
public sealed class IsoperimetricResult : ClusteringResult
{
    /// <summary>Every point labelled: outliers take the label of their nearest clustered point (null unless requested).</summary>
    public int[]? FullLabels { get; init; }

    /// <summary>The max cost of the k returned sets (within [ι_k, <see cref="EpsilonHigh"/>]).</summary>
    public required double Cost { get; init; }

    /// <summary>cost(A_i) of each returned set, indexed by cluster label.</summary>
    public required double[] ClusterCosts { get; init; }

    /// <summary>The last successful probe of the ε search; the labels come from the decision at this ε.</summary>
    public required double EpsilonHigh { get; init; }

    /// <summary>The last failed probe of the ε search (0 when none failed).</summary>
    public required double EpsilonLow { get; init; }

    /// <summary>σ of the flow kernel.</summary>
    public required double Sigma { get; init; }

    /// <summary>Number of halvings of the bisection (decisions after the bracket).</summary>
    public required int SearchSteps { get; init; }

    /// <summary>Every decision of the ε search in the order made, with the count F(ε) it found (spec §5.2).</summary>
    public required IReadOnlyList<SearchProbe> Probes { get; init; }

    /// <summary>Number of decisions the search ran (the bracket, ε = 0 and the halvings).</summary>
    public int DecisionCount => Probes.Count;

    /// <summary>Number of outliers (points labelled −1).</summary>
    public int OutlierCount => Labels.Count(l => l < 0);

    /// <summary>The spanning tree (null unless <see cref="IsoperimetricOptions.IncludeTree"/>).</summary>
    public SpanningTree? Tree { get; init; }

    /// <summary>Flows, vertex weights and potentials on the tree (null unless <see cref="IsoperimetricOptions.IncludeTree"/>).</summary>
    public WeightedTree? WeightedTree { get; init; }

    /// <summary>The result of a managed pipeline from its stages' outputs (the tree parts only with <paramref name="includeTree"/>).</summary>
    internal static IsoperimetricResult FromStages(string backend, PhaseTimings timings, int[] labels, int[]? fullLabels,
        SelectedClusters selected, SearchOutcome search, double sigma, SpanningTree tree, WeightedTree weighted, bool includeTree) => new()
    {
        Backend = backend,
        Timings = timings,
        Labels = labels,
        FullLabels = fullLabels,
        Cost = selected.Cost,
        ClusterCosts = selected.Costs,
        EpsilonHigh = search.EpsilonHigh,
        EpsilonLow = search.EpsilonLow,
        Sigma = sigma,
        SearchSteps = search.Halvings,
        Probes = search.Probes,
        Tree = includeTree ? tree : null,
        WeightedTree = includeTree ? weighted : null,
    };
}
