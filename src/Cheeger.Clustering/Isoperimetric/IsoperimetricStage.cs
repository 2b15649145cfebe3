namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The stages of an isoperimetric run in the order they run (the C API's <c>cheeger_iso_stage</c>, same values),
/// as <see cref="IsoperimetricProgress"/> reports them. They are the phases of <see cref="IsoperimetricResult"/>'s timings.
/// </summary>
public enum IsoperimetricStage
{
    /// <summary>The z-scores of the features (only when <see cref="IsoperimetricOptions.Standardize"/> is set).</summary>
    Standardize = 0,

    /// <summary>The minimum spanning tree (spec §2.2).</summary>
    SpanningTree = 1,

    /// <summary>σ, flows, vertex weights and potentials (spec §2.3–2.5).</summary>
    Weights = 2,

    /// <summary>The ε search over the decision procedure and the choice of the k sets (spec §4–5).</summary>
    Search = 3,

    /// <summary>The labels, and the full labelling when asked for (spec §7).</summary>
    Labels = 4,
}

/// <summary>How messages and progress displays name a stage.</summary>
public static class IsoperimetricStageTitles
{
    /// <summary><c>standardize</c>, <c>spanning tree</c>, <c>weights</c>, <c>ε search</c> or <c>labels</c>.</summary>
    public static string Title(this IsoperimetricStage stage) => stage switch
    {
        IsoperimetricStage.Standardize => "standardize",
        IsoperimetricStage.SpanningTree => "spanning tree",
        IsoperimetricStage.Weights => "weights",
        IsoperimetricStage.Search => "ε search",
        IsoperimetricStage.Labels => "labels",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
