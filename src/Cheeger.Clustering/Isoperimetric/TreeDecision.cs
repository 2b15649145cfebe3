namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The outcome of the decision procedure at one ε (spec §4.2): a maximum packing of disjoint ε-good subtrees.
/// The closed sets are {u : rep(u) = t} for every t with <see cref="Good"/>[t]; every other vertex is residual.
/// </summary>
public sealed class TreeDecision
{
    /// <summary>The threshold ε.</summary>
    public required double Epsilon { get; init; }

    /// <summary>Whether a set had to be strictly cheaper than ε (c_ε &lt; 0) rather than at most ε.</summary>
    public required bool Strict { get; init; }

    /// <summary>val(v): the open cost of v's component, its parent edge excluded.</summary>
    public required double[] Value { get; init; }

    /// <summary>good(v): v is the top of a closed ε-good set.</summary>
    public required bool[] Good { get; init; }

    /// <summary>joined(v): v is joined to its parent's component (false for the root and for every cut vertex).</summary>
    public required bool[] Joined { get; init; }

    /// <summary>rep(v): the top of v's component, the shallowest vertex joined with v.</summary>
    public required int[] Representative { get; init; }

    /// <summary>F(ε): the number of closed sets, the size of the maximum packing.</summary>
    public required int Count { get; init; }
}
