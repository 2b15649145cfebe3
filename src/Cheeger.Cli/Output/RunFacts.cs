using System.Text.Json.Serialization;
using Cheeger.Cli.Running;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Cli.Output;

/// <summary>
/// What one run reports, whatever the command: the backend, the seconds, the method's diagnostics (k-means:
/// iterations, inertia; iso: ε bracket, cost, σ, outliers) and the metrics when the input had classes.
/// Null members are left out of the JSON.
/// </summary>
public record RunFacts
{
    /// <summary>The backend's command-line name.</summary>
    [JsonPropertyOrder(-3)]
    public string Backend { get; init; } = "";

    /// <summary>Wall-clock seconds of the run.</summary>
    [JsonPropertyOrder(-2)]
    public double? Seconds { get; init; }

    /// <summary>Seconds per phase, as the backend recorded them.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyDictionary<string, double>? Phases { get; init; }

    /// <summary>Number of distinct clusters in the reported labels (−1 not counted).</summary>
    public int? Clusters { get; init; }

    /// <summary>k-means: passes run.</summary>
    public int? Iterations { get; init; }

    /// <summary>k-means: Σ squared distance of each point to its centroid.</summary>
    public double? Inertia { get; init; }

    /// <summary>iso: the last successful probe of the ε search.</summary>
    public double? EpsilonHigh { get; init; }

    /// <summary>iso: the last failed probe of the ε search.</summary>
    public double? EpsilonLow { get; init; }

    /// <summary>iso: the max cost of the k returned sets.</summary>
    public double? Cost { get; init; }

    /// <summary>iso: σ of the flow kernel.</summary>
    public double? Sigma { get; init; }

    /// <summary>iso: halvings of the bisection.</summary>
    public int? SearchSteps { get; init; }

    /// <summary>iso: points left outside every set (label −1 in the raw labelling).</summary>
    public int? Outliers { get; init; }

    /// <summary>Misclassification rate and ARI of the reported labels, when the input had a label column.</summary>
    public QualityReport? Metrics { get; init; }

    /// <summary>The facts of <paramref name="outcome"/>, a run on <paramref name="data"/>.</summary>
    public static RunFacts Of(RunOutcome outcome, Dataset data)
    {
        var result = outcome.Result;
        int[] labels = outcome.OutputLabels;
        var facts = new RunFacts
        {
            Backend = result.Backend,
            Seconds = outcome.Seconds,
            Phases = result.Timings.Phases.ToDictionary(p => p.Key, p => p.Value),
            Clusters = labels.Where(l => l >= 0).Distinct().Count(),
            Metrics = QualityReport.Of(data, labels),
        };
        return result switch
        {
            KMeansResult kmeans => facts with { Iterations = kmeans.Iterations, Inertia = kmeans.Inertia },
            IsoperimetricResult iso => facts with
            {
                EpsilonHigh = iso.EpsilonHigh,
                EpsilonLow = iso.EpsilonLow,
                Cost = iso.Cost,
                Sigma = iso.Sigma,
                SearchSteps = iso.SearchSteps,
                Outliers = iso.OutlierCount,
            },
            _ => facts,
        };
    }
}
