namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The decision procedure of spec §4 on one fixed <see cref="WeightedTree"/>: at a threshold ε, the largest
/// number of disjoint connected sets A with φ(∂A) + ψ(A) − ε·ω(A) ≤ 0 (&lt; 0 when strict). Every
/// implementation returns the arrays of §4.2 bit for bit.
/// </summary>
public interface ITreeDecider
{
    /// <summary>The tree decided on.</summary>
    WeightedTree Tree { get; }

    /// <summary>F(ε) only: the count of the maximum packing.</summary>
    int Count(double epsilon, bool strict = false);

    /// <summary>The full decision at ε, with the arrays that define the packing.</summary>
    TreeDecision Decide(double epsilon, bool strict = false);
}
