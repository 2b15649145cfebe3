using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>The tree example of spec §8.1, in exact arithmetic where the spec gives fractions.</summary>
public sealed class WorkedTreeExampleTests
{
    /// <summary>Root 0, 8 vertices, ψ = 0; children ranked by index, as in the spec's sib column.</summary>
    internal static WeightedTree Tree() => WeightedTree.Create(
        parent: [-1, 0, 1, 1, 0, 4, 4, 0],
        parentFlow: [0, 3, 6, 5, 1, 4, 4, 1],
        vertexWeight: [1, 1, 1, 1, 1, 1, 1, 2],
        potential: new double[8]);

    public static TheoryData<double, int, double[], int[], int[], int[]> Decisions => new()
    {
        { 1.0 / 4, 1, [-9.0 / 4, -3.0 / 4, -1.0 / 4, -1.0 / 4, -3.0 / 4, -1.0 / 4, -1.0 / 4, -1.0 / 2], [1, 0, 0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0] },
        { 2.0 / 5, 2, [-7.0 / 5, -6.0 / 5, -2.0 / 5, -2.0 / 5, -6.0 / 5, -2.0 / 5, -2.0 / 5, -4.0 / 5], [1, 0, 0, 0, 1, 0, 0, 0], [0, 1, 1, 1, 0, 1, 1, 1], [0, 0, 0, 0, 4, 4, 4, 0] },
        { 3.0 / 5, 3, [-2.0 / 5, -9.0 / 5, -3.0 / 5, -3.0 / 5, -9.0 / 5, -3.0 / 5, -3.0 / 5, -6.0 / 5], [1, 0, 0, 0, 1, 0, 0, 1], [0, 1, 1, 1, 0, 1, 1, 0], [0, 0, 0, 0, 4, 4, 4, 7] },
        { 9.0 / 2, 4, [1.0 / 2, -27.0 / 2, -9.0 / 2, -9.0 / 2, 7.0 / 2, -9.0 / 2, -9.0 / 2, -9], [0, 1, 0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 0, 0, 0, 0], [0, 1, 1, 1, 4, 5, 6, 7] },
    };

    [Fact]
    public void Tree_arrays_match_the_table()
    {
        var tree = Tree();
        Assert.Equal([0, 1, 2, 2, 1, 2, 2, 1], tree.Depth);
        Assert.Equal([0, 0, 0, 1, 1, 0, 1, 2], tree.SiblingRank);
        Assert.Equal([5, 11, 0, 0, 8, 0, 0, 0], tree.ChildFlow);
        Assert.Equal([5, 14, 6, 5, 9, 4, 4, 0.5], Enumerable.Range(0, 8).Select(tree.SingletonCost));
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Serial_decision_gives_the_spec_arrays(double epsilon, int count, double[] val, int[] good, int[] joined, int[] rep)
    {
        var decision = new SerialTreeDecider(Tree()).Decide(epsilon);
        AssertDecision(decision, count, val, good, joined, rep);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Level_decision_gives_the_spec_arrays_on_every_split(double epsilon, int count, double[] val, int[] good, int[] joined, int[] rep)
    {
        foreach (int workers in new[] { 1, 2, 3, 8 })
        {
            using var pool = new WorkerPool(workers);
            var decider = new LevelTreeDecider(Tree(), pool, minParallelWidth: 1);
            AssertDecision(decider.Decide(epsilon), count, val, good, joined, rep);
            Assert.Equal(count, decider.Count(epsilon));
        }
    }

    [Theory]
    [InlineData(1, 0.0, 0.0, 0, new[] { 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(2, 1.0 / 3, 0.3333333333334849, 45, new[] { 0, 0, 0, 0, 1, 1, 1, 0 })]
    [InlineData(3, 0.5, 0.5, 44, new[] { 0, 0, 0, 0, 1, 1, 1, 2 })]
    [InlineData(4, 4.0, 4.0, 41, new[] { -1, 0, 0, 0, -1, 1, 2, 3 })]
    public void Search_finds_the_optimum_and_the_spec_labels(int k, double cost, double epsilonHigh, int halvings, int[] labels)
    {
        var tree = Tree();
        var search = EpsilonSearch.Run(new SerialTreeDecider(tree), k, 1e-12, 200, TestContext.Current.CancellationToken);
        var selected = ClusterSelection.Select(tree, search.Decision, k);

        Assert.Equal(cost, selected.Cost);          // exactly 1/3, 0.5 and 4.0 as doubles
        Assert.Equal(epsilonHigh, search.EpsilonHigh);
        Assert.Equal(halvings, search.Halvings);
        Assert.Equal(labels, ClusterLabeling.Label(search.Decision.Representative, selected.IsSelectedTop));
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 8.0)]
    [InlineData(3, 8.0)]
    [InlineData(4, 8.0)]
    public void Bracket_starts_at_the_spec_power_of_two(int k, double expected)
    {
        Assert.Equal(expected, EpsilonSearch.InitialUpperBound(Tree(), k));
    }

    [Fact]
    public void Set_costs_of_the_k3_optimum_are_those_of_the_table()
    {
        var tree = Tree();
        var search = EpsilonSearch.Run(new SerialTreeDecider(tree), 3, 1e-12, 200, TestContext.Current.CancellationToken);
        var selected = ClusterSelection.Select(tree, search.Decision, 3);
        Assert.Equal([0, 4, 7], selected.Tops);
        Assert.Equal([0.5, 1.0 / 3, 0.5], selected.Costs);
    }

    private static void AssertDecision(TreeDecision decision, int count, double[] val, int[] good, int[] joined, int[] rep)
    {
        Assert.Equal(count, decision.Count);
        for (int v = 0; v < val.Length; v++) Assert.Equal(val[v], decision.Value[v], 1e-12);
        Assert.Equal(good.Select(b => b == 1), decision.Good);
        Assert.Equal(joined.Select(b => b == 1), decision.Joined);
        Assert.Equal(rep, decision.Representative);
    }
}
