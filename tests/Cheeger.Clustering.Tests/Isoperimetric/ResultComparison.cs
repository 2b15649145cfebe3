using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>Stage-by-stage comparison of two isoperimetric results that must agree bit for bit.</summary>
internal static class ResultComparison
{
    /// <summary>Tree, σ, flows, weights, potentials, every probe of the search, cost and labels all identical.</summary>
    public static void AssertIdentical(IsoperimetricResult expected, IsoperimetricResult actual, string context)
    {
        if (expected.Tree is { } t)
        {
            var a = actual.Tree ?? throw new Xunit.Sdk.XunitException($"{context}: no tree in the result");
            Assert.True(t.Parent.SequenceEqual(a.Parent), $"{context}: parents differ");
            Assert.True(t.Order.SequenceEqual(a.Order), $"{context}: insertion orders differ");
            Assert.True(t.Depth.SequenceEqual(a.Depth), $"{context}: depths differ");
            Assert.True(t.SiblingRank.SequenceEqual(a.SiblingRank), $"{context}: sibling ranks differ");
            Assert.True(t.SquaredEdgeLength.SequenceEqual(a.SquaredEdgeLength), $"{context}: squared edge lengths differ");
        }
        if (expected.WeightedTree is { } w)
        {
            var a = actual.WeightedTree ?? throw new Xunit.Sdk.XunitException($"{context}: no weighted tree in the result");
            Assert.True(w.ParentFlow.SequenceEqual(a.ParentFlow), $"{context}: flows differ");
            Assert.True(w.VertexWeight.SequenceEqual(a.VertexWeight), $"{context}: vertex weights differ");
            Assert.True(w.Potential.SequenceEqual(a.Potential), $"{context}: potentials differ");
        }
        Assert.True(expected.Sigma == actual.Sigma, $"{context}: σ {expected.Sigma:R} vs {actual.Sigma:R}");
        Assert.True(expected.Probes.SequenceEqual(actual.Probes), $"{context}: the searches probed differently");
        Assert.True(expected.EpsilonHigh == actual.EpsilonHigh && expected.EpsilonLow == actual.EpsilonLow,
            $"{context}: ε bracket [{expected.EpsilonLow:R}, {expected.EpsilonHigh:R}] vs [{actual.EpsilonLow:R}, {actual.EpsilonHigh:R}]");
        Assert.Equal(expected.SearchSteps, actual.SearchSteps);
        Assert.True(expected.Cost == actual.Cost, $"{context}: cost {expected.Cost:R} vs {actual.Cost:R}");
        Assert.True(expected.ClusterCosts.SequenceEqual(actual.ClusterCosts), $"{context}: cluster costs differ");
        Assert.True(expected.Labels.SequenceEqual(actual.Labels), $"{context}: labels differ");
        Assert.True((expected.FullLabels ?? []).SequenceEqual(actual.FullLabels ?? []), $"{context}: full labels differ");
    }
}
