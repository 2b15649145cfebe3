using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>The point example of spec §8.2 (default model) and the tie example of §8.3.</summary>
public sealed class WorkedPointExampleTests
{
    internal static Dataset Points() => new(
        [0, 0, 1.1, 0.2, 0.3, 0.9, 1.2, 1.3, 0.6, 2.1, 6, 5.1, 7.2, 5.3, 6.4, 6.2, 7.1, 6.6, 12.5, 0.4, 13.1, 1.2, 3.6, 9.4],
        12, 2, name: "spec-8.2");

    internal static Dataset TiePoints() => new([2, 1, 2, 0, 0, 0, 0, 2, 0, 1], 5, 2, name: "spec-8.3");

    public static TheoryData<string> Backends => ["serial", "parallel-1", "parallel-2", "parallel-3", "parallel-8"];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Tree_and_sigma_match_the_spec(string backend)
    {
        var result = Backend(backend).Run(Points(), new IsoperimetricOptions { K = 2, IncludeTree = true, Workers = Workers(backend) }, TestContext.Current.CancellationToken);
        var tree = result.Tree!;
        Assert.Equal([-1, 2, 0, 2, 3, 3, 7, 5, 7, 10, 6, 7], tree.Parent);
        Assert.Equal([0, 2, 1, 2, 3, 3, 5, 4, 5, 7, 6, 5], tree.Depth);
        Assert.Equal([0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 2], tree.SiblingRank);
        Assert.Equal([0, 2, 3, 4, 1, 5, 7, 8, 6, 11, 10, 9], tree.Order);
        Assert.Equal(4.6793262423742741, result.Sigma);     // the oracle's value, to the last bit
    }

    [Theory]
    [InlineData("serial", 1, 0.0, 0.0, 0, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("serial", 2, 0.040144993160941465, 0.04014499316096476, 46, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1 }, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData("serial", 3, 0.11765195734948844, 0.1176519573494943, 44, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 1 }, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 1 })]
    [InlineData("serial", 4, 0.40082113978627254, 0.4008211397863306, 43, new[] { 0, 0, 0, 1, 1, -1, 2, 2, 2, 3, 3, 2 }, new[] { 0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 2 })]
    [InlineData("parallel-2", 1, 0.0, 0.0, 0, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("parallel-2", 2, 0.040144993160941465, 0.04014499316096476, 46, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1 }, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData("parallel-3", 3, 0.11765195734948844, 0.1176519573494943, 44, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 1 }, new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 1 })]
    [InlineData("parallel-8", 4, 0.40082113978627254, 0.4008211397863306, 43, new[] { 0, 0, 0, 1, 1, -1, 2, 2, 2, 3, 3, 2 }, new[] { 0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 2 })]
    public void Clustering_matches_the_spec(string backend, int k, double cost, double epsilonHigh, int halvings, int[] labels, int[] fullLabels)
    {
        var result = Backend(backend).Run(Points(), new IsoperimetricOptions { K = k, FullLabels = true, Workers = Workers(backend) }, TestContext.Current.CancellationToken);
        Assert.Equal(cost, result.Cost, 1e-9 * Math.Max(cost, 1e-300));
        Assert.Equal(epsilonHigh, result.EpsilonHigh);
        Assert.Equal(halvings, result.SearchSteps);
        Assert.Equal(labels, result.Labels);
        Assert.Equal(fullLabels, result.FullLabels);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Tie_example_follows_the_edge_order(string backend)
    {
        var result = Backend(backend).Run(TiePoints(), new IsoperimetricOptions { K = 1, IncludeTree = true, Workers = Workers(backend) }, TestContext.Current.CancellationToken);
        var tree = result.Tree!;
        Assert.Equal([-1, 0, 4, 4, 0], tree.Parent);
        Assert.Equal([0, 1, 2, 2, 1], tree.Depth);
        Assert.Equal([0, 0, 0, 1, 1], tree.SiblingRank);
        Assert.Equal([0, 1, 4, 2, 3], tree.Order);
    }

    internal static Cheeger.Clustering.Backends.IIsoperimetricBackend Backend(string name) =>
        name == "serial" ? new SerialIsoperimetric() : new ParallelIsoperimetric { MinParallelLevelWidth = 1 };

    internal static int Workers(string name) => name == "serial" ? 1 : int.Parse(name["parallel-".Length..], System.Globalization.CultureInfo.InvariantCulture);
}
