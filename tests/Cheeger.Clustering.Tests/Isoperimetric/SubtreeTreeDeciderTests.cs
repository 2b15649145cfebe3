using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.Isoperimetric.SpanningTrees;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>
/// The subtree-split decider on the spanning trees of point clouds, deep and narrow as the large runs' trees are:
/// the serial decider's arrays bit for bit at every ε of a search, for 1–3 workers and task sizes from one vertex to
/// the whole tree, and a top region (the part closed on one thread) that is a small part of the tree.
/// </summary>
public sealed class SubtreeTreeDeciderTests
{
    public static TheoryData<int> Workers => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Workers))]
    public void Equals_the_serial_decider_bit_for_bit_on_point_cloud_trees(int workers)
    {
        using var pool = new WorkerPool(workers);
        foreach (var data in (Dataset[])[Uniform(6000, 2, 3), TestData.GridPoints(4, 4000, 2, 30), TestData.Load("yeast")])
        {
            var weighted = Weighted(data);
            var serial = new SerialTreeDecider(weighted);
            var search = EpsilonSearch.Run(serial, 10, 1e-6, 60, TestContext.Current.CancellationToken);
            var deciders = ((int[])[0, 1, 7, 100, weighted.Count]).Select(size => (Size: size, Decider: new SubtreeTreeDecider(weighted, pool, size))).ToArray();
            foreach (var probe in search.Probes)
            {
                foreach (bool strict in (bool[])[false, true])
                {
                    var expected = serial.Decide(probe.Epsilon, strict);
                    foreach (var (size, decider) in deciders)
                    {
                        var actual = decider.Decide(probe.Epsilon, strict);
                        string what = $"{data.Name}, tasks ≤ {size}, ε = {probe.Epsilon:R}, strict {strict}";
                        Assert.True(expected.Value.SequenceEqual(actual.Value), $"{what}: val differs");
                        Assert.True(expected.Good.SequenceEqual(actual.Good), $"{what}: good differs");
                        Assert.True(expected.Joined.SequenceEqual(actual.Joined), $"{what}: joined differs");
                        Assert.True(expected.Representative.SequenceEqual(actual.Representative), $"{what}: rep differs");
                        Assert.Equal(expected.Count, actual.Count);
                        Assert.Equal(expected.Count, decider.Count(probe.Epsilon, strict));
                    }
                }
            }
        }
    }

    [Fact]
    public void The_top_region_of_a_point_cloud_tree_is_a_small_part_of_it()
    {
        using var pool = new WorkerPool(2);
        var weighted = Weighted(Uniform(50000, 2, 11));
        var decider = new SubtreeTreeDecider(weighted, pool);
        Assert.InRange(decider.TopCount, 1, weighted.Count / 10);
    }

    private static WeightedTree Weighted(Dataset data)
    {
        var options = new IsoperimetricOptions { K = 10 };
        using var pool = new WorkerPool(2);
        var tree = KdTreeBoruvka.Build(data, pool, TestContext.Current.CancellationToken);     // Prim's tree (SpanningTreeAlgorithmTests)
        return TreeWeighting.Build(data, tree, TreeWeighting.Sigma(tree, options), options);
    }

    private static Dataset Uniform(int n, int d, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextDouble();
        return new Dataset(points, n, d, name: $"uniform {n}×{d}");
    }
}
