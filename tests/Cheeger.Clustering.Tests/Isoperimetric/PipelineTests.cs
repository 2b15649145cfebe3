using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>The backends end to end: selection, labels, edge cases, input errors, cancellation and the result's contents.</summary>
public sealed class PipelineTests
{
    public static TheoryData<string> Backends => ["serial", "parallel"];

    private static IIsoperimetricBackend Backend(string name) =>
        name == "serial" ? new SerialIsoperimetric() : new ParallelIsoperimetric();

    [Theory]
    [InlineData(1, new[] { 7 }, new[] { -1, -1, -1, -1, -1, -1, -1, 0 })]
    [InlineData(2, new[] { 1, 7 }, new[] { -1, 0, 0, 0, -1, -1, -1, 1 })]
    [InlineData(3, new[] { 1, 5, 7 }, new[] { -1, 0, 0, 0, -1, 1, -1, 2 })]
    public void Selection_keeps_the_cheapest_sets_and_prefers_the_smaller_top_on_ties(int k, int[] tops, int[] labels)
    {
        // At ε = 9/2 the spec's tree closes {1,2,3} (cost 1), {5} (4), {6} (4) and {7} (1/2).
        var tree = WorkedTreeExampleTests.Tree();
        var decision = new SerialTreeDecider(tree).Decide(4.5);
        Assert.Equal(4, decision.Count);
        var selected = ClusterSelection.Select(tree, decision, k);
        Assert.Equal(tops, selected.Tops);
        Assert.Equal(labels, ClusterLabeling.Label(decision.Representative, selected.IsSelectedTop));
    }

    [Fact]
    public void Parallel_gives_small_inputs_fewer_workers_unless_a_count_is_asked_for()
    {
        var red = new Dataset(new double[1599 * 11], 1599, 11);      // Wine Quality red's size: one worker
        var white = new Dataset(new double[4898 * 11], 4898, 11);    // white's: one per 16384 coordinates, up to the cores
        Assert.Equal(1, ParallelIsoperimetric.WorkersFor(red, new IsoperimetricOptions()));
        Assert.Equal(3, ParallelIsoperimetric.WorkersFor(red, new IsoperimetricOptions { Workers = 3 }));
        Assert.Equal(Math.Min(3, Environment.ProcessorCount), ParallelIsoperimetric.WorkersFor(white, new IsoperimetricOptions()));
    }

    [Fact]
    public void Closed_set_costs_follow_the_definition()
    {
        var tree = WorkedTreeExampleTests.Tree();
        var cost = ClusterSelection.ClosedSetCosts(tree, new SerialTreeDecider(tree).Decide(4.5));
        Assert.Equal(1, cost[1]);
        Assert.Equal(4, cost[5]);
        Assert.Equal(4, cost[6]);
        Assert.Equal(0.5, cost[7]);
        Assert.True(double.IsNaN(cost[0]) && double.IsNaN(cost[2]) && double.IsNaN(cost[4]));
    }

    [Fact]
    public void Full_labelling_takes_the_nearest_clustered_point_and_the_smaller_index_on_ties()
    {
        // Point 2 lies exactly between points 0 and 4 (clusters 1 and 0): the smaller index, 0, wins.
        var data = new Dataset([0, 0, 5, 5, 1, 0, 9, 9, 2, 0, 5, 6], 6, 2);
        int[] raw = [1, 0, -1, -1, 0, -1];
        int[] expected = [1, 0, 1, 0, 0, 0];
        Assert.Equal(expected, NearestClusterFill.Fill(data, raw));
        foreach (int workers in new[] { 1, 2, 3 })
        {
            using var pool = new WorkerPool(workers);
            Assert.Equal(expected, NearestClusterFill.Fill(data, raw, pool));
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void One_point_is_one_cluster(string backend)
    {
        var result = Backend(backend).Run(new Dataset([1.5, 2.5], 1, 2), new IsoperimetricOptions { K = 1, FullLabels = true }, TestContext.Current.CancellationToken);
        Assert.Equal([0], result.Labels);
        Assert.Equal([0], result.FullLabels!);
        Assert.Equal(0, result.Cost);
        Assert.Equal(1, result.Sigma);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Identical_points_split_into_k_sets(string backend)
    {
        var data = new Dataset(Enumerable.Repeat(4.0, 12).ToArray(), 6, 2);
        var result = Backend(backend).Run(data, new IsoperimetricOptions { K = 3, FullLabels = true }, TestContext.Current.CancellationToken);
        Assert.Equal(1, result.Sigma);
        Assert.Equal(3, result.Labels.Where(l => l >= 0).Distinct().Count());
        Assert.Equal([0, 1, 2], result.FullLabels!.Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void k_equal_to_n_makes_every_point_a_cluster(string backend)
    {
        var data = WorkedPointExampleTests.Points();
        var result = Backend(backend).Run(data, new IsoperimetricOptions { K = data.Count }, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, data.Count), result.Labels);
        Assert.Equal(1, result.Cost, 1e-12);        // every singleton costs 1 under tree weights
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void The_result_reports_stages_timings_and_probes(string backend)
    {
        var result = Backend(backend).Run(WorkedPointExampleTests.Points(),
            new IsoperimetricOptions { K = 3, IncludeTree = true, Standardize = true }, TestContext.Current.CancellationToken);
        Assert.Equal(backend, result.Backend);
        Assert.Equal(["standardize", "mst", "weights", "search", "labels"], result.Timings.Phases.Select(p => p.Key));
        Assert.All(result.Timings.Phases, p => Assert.True(p.Value >= 0));
        // The bracket (hi₀, here accepted at once), ε = 0, then one probe per halving.
        Assert.Equal(result.SearchSteps + 2, result.DecisionCount);
        Assert.Equal(0, result.Probes[1].Epsilon);
        Assert.True(result.Probes[0].Count >= 3 && result.Probes[1].Count < 3);
        Assert.Equal(result.EpsilonHigh, result.Probes.Where(p => p.Count >= 3).Min(p => p.Epsilon));
        Assert.Equal(result.EpsilonLow, result.Probes.Where(p => p.Count < 3).Max(p => p.Epsilon));
        Assert.Equal(result.Cost, result.ClusterCosts.Max());
        Assert.NotNull(result.Tree);
        Assert.Equal(12, result.WeightedTree!.Count);
        Assert.Null(result.FullLabels);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Bad_options_are_rejected_with_one_clear_error(string backend)
    {
        var data = WorkedPointExampleTests.Points();
        var error = Assert.Throws<ClusteringInputException>(() => Backend(backend).Run(data, new IsoperimetricOptions { K = 13 }, TestContext.Current.CancellationToken));
        Assert.StartsWith("k = 13 exceeds", error.Message);
        Assert.Throws<ClusteringInputException>(() => Backend(backend).Run(data, new IsoperimetricOptions { K = 0 }, TestContext.Current.CancellationToken));
        Assert.Throws<ClusteringInputException>(() => Backend(backend).Run(data, new IsoperimetricOptions { Sigma = -1 }, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_cancelled_run_stops(string backend)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var data = TestData.GridPoints(3, 300, 2, 50);
        Assert.ThrowsAny<OperationCanceledException>(() => Backend(backend).Run(data, new IsoperimetricOptions { K = 2, Workers = 2 }, cancelled.Token));
    }

    [Fact]
    public void Weighted_tree_rejects_arrays_that_are_no_tree()
    {
        double[] flow = [0, 1, 1], weight = [1, 1, 1], psi = [0, 0, 0];
        Assert.Throws<ArgumentException>(() => WeightedTree.Create([-1, -1, 0], flow, weight, psi));     // two roots
        Assert.Throws<ArgumentException>(() => WeightedTree.Create([1, 2, 1], flow, weight, psi));       // no root
        Assert.Throws<ArgumentException>(() => WeightedTree.Create([-1, 2, 1], flow, weight, psi));      // cycle
        Assert.Throws<ArgumentException>(() => WeightedTree.Create([-1, 0, 0], flow, weight, psi, siblingRank: [0, 1, 1]));
        Assert.Throws<ArgumentException>(() => WeightedTree.Create([-1, 0, 0], [0, 0, 1], weight, psi));
        Assert.Throws<ArgumentException>(() => WeightedTree.Create([-1, 0, 1], flow, weight, psi, order: [0, 2, 1]));
        var ok = WeightedTree.Create([-1, 0, 0], flow, weight, psi, siblingRank: [0, 1, 0]);
        Assert.Equal([2, 1], ok.ChildrenOf(0).ToArray());
    }
}
