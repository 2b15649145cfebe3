using System.Text.Json.Serialization;

namespace Cheeger.Cli.Output;

/// <summary>The report of <c>cheeger cluster</c>: the JSON object of <c>--json</c>, and the human summary.</summary>
public sealed record ClusterReport : RunFacts
{
    /// <summary>Starts from the facts of the run.</summary>
    public ClusterReport(RunFacts facts) : base(facts) { }

    /// <summary>kmeans or iso.</summary>
    [JsonPropertyOrder(-20)]
    public required string Method { get; init; }

    /// <summary>The input file.</summary>
    [JsonPropertyOrder(-19)]
    public required string Input { get; init; }

    /// <summary>Number of points.</summary>
    [JsonPropertyOrder(-18)]
    public required int N { get; init; }

    /// <summary>Number of features.</summary>
    [JsonPropertyOrder(-17)]
    public required int D { get; init; }

    /// <summary>Number of clusters asked for.</summary>
    [JsonPropertyOrder(-16)]
    public required int K { get; init; }

    /// <summary>The initialisation seed (k-means).</summary>
    [JsonPropertyOrder(-15)]
    public ulong? Seed { get; init; }

    /// <summary>Worker threads asked for (0 = all cores).</summary>
    [JsonPropertyOrder(-14)]
    public required int Workers { get; init; }

    /// <summary>Where the labels were written; null when <c>--output</c> was not given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? LabelsPath { get; init; }

    /// <summary>"raw" (−1 marks outliers) or "full" (every point labelled, iso <c>--full</c>).</summary>
    public required string Labelling { get; init; }

    /// <summary>Seconds spent reading the input (not part of <see cref="RunFacts.Seconds"/>).</summary>
    public required double LoadSeconds { get; init; }

    /// <summary>Why <c>--backend auto</c> chose this backend, or the device or library it uses.</summary>
    public string? BackendDetail { get; init; }

    /// <summary>Where the plot was written.</summary>
    public string? PlotPath { get; init; }

    /// <summary>Where the tree stages were written.</summary>
    public string? StagesPath { get; init; }
}
