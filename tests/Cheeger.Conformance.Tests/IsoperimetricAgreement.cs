using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// The one tolerance policy of the isoperimetric contract. Always identical: the tree (parents, order, depths,
/// sibling ranks, squared edge lengths), the packing count of every probe, the search steps and the labels. The
/// floats (σ, flows, vertex weights, potentials, ε, costs, the probed ε) are identical for a backend that runs the
/// reference's own managed arithmetic, and within <see cref="Relative"/> of the reference for every other
/// (its sums may round in another order).
/// </summary>
public static class IsoperimetricAgreement
{
    /// <summary>The relative tolerance of the floats of a backend with its own arithmetic.</summary>
    public const double Relative = 1e-12;

    /// <summary>Asserts the policy; <paramref name="exact"/> asks for identical floats.</summary>
    public static void Assert(IsoperimetricResult expected, IsoperimetricResult actual, bool exact, string context)
    {
        double relative = exact ? 0 : Relative;
        var t = expected.Tree ?? throw new Xunit.Sdk.XunitException($"{context}: the reference has no tree");
        var a = actual.Tree ?? throw new Xunit.Sdk.XunitException($"{context}: no tree in the result");
        Xunit.Assert.True(t.Parent.SequenceEqual(a.Parent), $"{context}: parents differ");
        Xunit.Assert.True(t.Order.SequenceEqual(a.Order), $"{context}: insertion orders differ");
        Xunit.Assert.True(t.Depth.SequenceEqual(a.Depth), $"{context}: depths differ");
        Xunit.Assert.True(t.SiblingRank.SequenceEqual(a.SiblingRank), $"{context}: sibling ranks differ");
        Xunit.Assert.True(t.SquaredEdgeLength.SequenceEqual(a.SquaredEdgeLength), $"{context}: squared edge lengths differ");
        Xunit.Assert.True(t.EdgeLength.SequenceEqual(a.EdgeLength), $"{context}: edge lengths differ");

        var w = expected.WeightedTree ?? throw new Xunit.Sdk.XunitException($"{context}: the reference has no weighted tree");
        var b = actual.WeightedTree ?? throw new Xunit.Sdk.XunitException($"{context}: no weighted tree in the result");
        Close(w.ParentFlow, b.ParentFlow, relative, $"{context}: flows");
        Close(w.VertexWeight, b.VertexWeight, relative, $"{context}: vertex weights");
        Close(w.Potential, b.Potential, relative, $"{context}: potentials");

        Close(expected.Sigma, actual.Sigma, relative, $"{context}: σ");
        Close(expected.EpsilonHigh, actual.EpsilonHigh, relative, $"{context}: ε high");
        Close(expected.EpsilonLow, actual.EpsilonLow, relative, $"{context}: ε low");
        Close(expected.Cost, actual.Cost, relative, $"{context}: cost");
        Close(expected.ClusterCosts, actual.ClusterCosts, relative, $"{context}: cluster costs");
        Xunit.Assert.True(expected.Probes.Select(p => p.Count).SequenceEqual(actual.Probes.Select(p => p.Count)),
            $"{context}: the searches found different counts");
        Close([.. expected.Probes.Select(p => p.Epsilon)], [.. actual.Probes.Select(p => p.Epsilon)], relative, $"{context}: probed ε");
        Xunit.Assert.Equal(expected.SearchSteps, actual.SearchSteps);
        Xunit.Assert.True(expected.Labels.SequenceEqual(actual.Labels), $"{context}: labels differ");
        Xunit.Assert.True((expected.FullLabels ?? []).SequenceEqual(actual.FullLabels ?? []), $"{context}: full labels differ");
    }

    private static void Close(double expected, double actual, double relative, string what) =>
        Xunit.Assert.True(relative == 0 ? expected.Equals(actual) : Math.Abs(expected - actual) <= relative * Math.Abs(expected),
            $"{what}: {expected:R} vs {actual:R}");

    private static void Close(double[] expected, double[] actual, double relative, string what)
    {
        Xunit.Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} vs {actual.Length} values");
        for (int i = 0; i < expected.Length; i++) Close(expected[i], actual[i], relative, $"{what} [{i}]");
    }
}
