using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>
/// The native result against the managed reference: the tree identical, σ, flows, weights, potentials, ε and costs
/// within 1e-12 relative, the search's probes and the labels identical.
/// </summary>
internal static class IsoResultComparison
{
    private const double Relative = 1e-12;

    public static void AssertAgrees(IsoperimetricResult expected, IsoperimetricResult actual, string context)
    {
        var t = expected.Tree ?? throw new Xunit.Sdk.XunitException($"{context}: the reference has no tree");
        var a = actual.Tree ?? throw new Xunit.Sdk.XunitException($"{context}: the native result has no tree");
        Assert.True(t.Parent.SequenceEqual(a.Parent), $"{context}: parents differ");
        Assert.True(t.Order.SequenceEqual(a.Order), $"{context}: insertion orders differ");
        Assert.True(t.Depth.SequenceEqual(a.Depth), $"{context}: depths differ");
        Assert.True(t.SiblingRank.SequenceEqual(a.SiblingRank), $"{context}: sibling ranks differ");
        Assert.True(t.SquaredEdgeLength.SequenceEqual(a.SquaredEdgeLength), $"{context}: squared edge lengths differ");
        Assert.True(t.EdgeLength.SequenceEqual(a.EdgeLength), $"{context}: edge lengths differ");

        var w = expected.WeightedTree ?? throw new Xunit.Sdk.XunitException($"{context}: the reference has no weighted tree");
        var b = actual.WeightedTree ?? throw new Xunit.Sdk.XunitException($"{context}: the native result has no weighted tree");
        AssertClose(w.ParentFlow, b.ParentFlow, $"{context}: flows");
        AssertClose(w.VertexWeight, b.VertexWeight, $"{context}: vertex weights");
        AssertClose(w.Potential, b.Potential, $"{context}: potentials");

        AssertClose(expected.Sigma, actual.Sigma, $"{context}: σ");
        AssertClose(expected.EpsilonHigh, actual.EpsilonHigh, $"{context}: ε high");
        AssertClose(expected.EpsilonLow, actual.EpsilonLow, $"{context}: ε low");
        AssertClose(expected.Cost, actual.Cost, $"{context}: cost");
        AssertClose(expected.ClusterCosts, actual.ClusterCosts, $"{context}: cluster costs");
        Assert.True(expected.Probes.Select(p => p.Count).SequenceEqual(actual.Probes.Select(p => p.Count)),
            $"{context}: the searches found different counts");
        AssertClose([.. expected.Probes.Select(p => p.Epsilon)], [.. actual.Probes.Select(p => p.Epsilon)], $"{context}: probed ε");
        Assert.Equal(expected.SearchSteps, actual.SearchSteps);
        Assert.True(expected.Labels.SequenceEqual(actual.Labels), $"{context}: labels differ");
        Assert.True((expected.FullLabels ?? []).SequenceEqual(actual.FullLabels ?? []), $"{context}: full labels differ");
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Abs(expected), $"{what}: {expected:R} vs {actual:R}");

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} vs {actual.Length} values");
        for (int i = 0; i < expected.Length; i++) AssertClose(expected[i], actual[i], $"{what} [{i}]");
    }
}
