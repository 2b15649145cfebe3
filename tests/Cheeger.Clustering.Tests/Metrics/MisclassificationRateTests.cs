using Cheeger.Clustering.Metrics;

namespace Cheeger.Clustering.Tests.Metrics;

public class MisclassificationRateTests
{
    [Fact]
    public void Is_zero_for_a_perfect_clustering() =>
        Assert.Equal(0.0, MisclassificationRate.Compute([0, 0, 1, 1, 2], [0, 0, 1, 1, 2]));

    [Fact]
    public void Does_not_depend_on_how_the_clusters_are_numbered() =>
        Assert.Equal(0.0, MisclassificationRate.Compute([2, 2, 0, 0, 1], [0, 0, 1, 1, 2]));

    [Fact]
    public void Uses_the_optimal_matching_where_greedy_matching_is_wrong()
    {
        // Contingency: cluster 0 = {5 of class 0, 4 of class 1}, cluster 1 = {4 of class 0}.
        // Greedy matches cluster 0 → class 0 (5) and then cluster 1 → class 1 (0): 5 matched, rate 8/13.
        // The optimum is cluster 0 → class 1, cluster 1 → class 0: 4 + 4 = 8 matched, rate 5/13.
        int[] clusters = [.. Enumerable.Repeat(0, 9), .. Enumerable.Repeat(1, 4)];
        int[] classes = [.. Enumerable.Repeat(0, 5), .. Enumerable.Repeat(1, 4), .. Enumerable.Repeat(0, 4)];

        Assert.Equal(5.0 / 13.0, MisclassificationRate.Compute(clusters, classes), 15);
    }

    [Fact]
    public void Counts_outliers_as_errors_even_where_their_class_is_free()
    {
        // The −1 point is of class 0, which cluster 0 takes; but even a lone −1 of an unclaimed class is an error.
        Assert.Equal(1.0 / 5.0, MisclassificationRate.Compute([0, 0, -1, 1, 1], [0, 0, 0, 1, 1]), 15);
        Assert.Equal(1.0 / 5.0, MisclassificationRate.Compute([0, 0, 1, 1, -1], [0, 0, 1, 1, 2]), 15);
        Assert.Equal(1.0, MisclassificationRate.Compute([-1, -1, -1], [0, 1, 1]));
    }

    [Fact]
    public void Counts_an_unmatched_cluster_entirely_as_errors_when_k_exceeds_the_classes()
    {
        // Clusters 0 and 2 take classes 0 and 1; cluster 1 (2 points of class 0) has no class left: 2/6.
        Assert.Equal(2.0 / 6.0, MisclassificationRate.Compute([0, 0, 1, 1, 2, 2], [0, 0, 0, 0, 1, 1]), 15);
    }

    [Fact]
    public void Leaves_a_class_unmatched_when_there_are_fewer_clusters_than_classes()
    {
        // Contingency: cluster 0 = {2 of class 0, 1 of class 1}, cluster 1 = {1 of class 1, 2 of class 2}.
        // Best: 0 → 0 and 1 → 2, 4 matched: 2/6.
        Assert.Equal(2.0 / 6.0, MisclassificationRate.Compute([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 15);
    }

    [Fact]
    public void Rejects_inputs_of_different_lengths_and_empty_inputs()
    {
        Assert.Throws<ArgumentException>(() => MisclassificationRate.Compute([0, 1], [0]));
        Assert.Throws<ArgumentException>(() => MisclassificationRate.Compute([], []));
        Assert.Throws<ArgumentException>(() => MisclassificationRate.Compute([0, -2], [0, 1]));
    }
}
