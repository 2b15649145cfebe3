namespace Cheeger.Clustering.Isoperimetric;

/// <summary>The outcome of the ε search (spec §5).</summary>
public sealed class SearchOutcome
{
    /// <summary>The last successful probe (F ≥ k); 0 when ε = 0 already succeeds.</summary>
    public required double EpsilonHigh { get; init; }

    /// <summary>The last failed probe; 0 when none failed.</summary>
    public required double EpsilonLow { get; init; }

    /// <summary>Number of halvings (decisions after the bracket and the probe at 0).</summary>
    public required int Halvings { get; init; }

    /// <summary>Every decision in the order made: the bracket (hi₀ and its doublings), ε = 0, then the halvings.</summary>
    public required IReadOnlyList<SearchProbe> Probes { get; init; }

    /// <summary>The full decision at <see cref="EpsilonHigh"/>; the labels come from it.</summary>
    public required TreeDecision Decision { get; init; }
}
