using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>
/// The decision procedure and the ε search against exhaustive answers on hundreds of seeded random trees
/// of at most ten vertices (spec §9's self-test, on this implementation).
/// </summary>
public sealed class BruteForceTests
{
    private const ulong Seed = 20131201;
    private const int TreeCount = 400;

    public static TheoryData<int> Batches => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Batches))]
    public void Search_reaches_the_exact_optimum_with_valid_sets(int batch)
    {
        int pairs = 0;
        foreach (var tree in Trees(batch))
        {
            var brute = new BruteForceSubpartitions(tree);
            var weighted = tree.ToWeightedTree();
            for (int k = 1; k <= Math.Min(4, tree.Count); k++)
            {
                var optimum = brute.Optimum(k);
                var search = EpsilonSearch.Run(new SerialTreeDecider(weighted), k, 1e-12, 200, TestContext.Current.CancellationToken);
                var selected = ClusterSelection.Select(weighted, search.Decision, k);
                int[] labels = ClusterLabeling.Label(search.Decision.Representative, selected.IsSelectedTop);

                // The k labelled sets are disjoint (one label each), connected, and as cheap as the optimum.
                var worst = Fraction.Zero;
                for (int c = 0; c < k; c++)
                {
                    int mask = 0;
                    for (int v = 0; v < tree.Count; v++)
                    {
                        if (labels[v] == c) mask |= 1 << v;
                    }
                    Assert.True(mask != 0, $"cluster {c} is empty: {tree} k={k}");
                    Assert.True(brute.IsConnected(mask), $"cluster {c} is not connected: {tree} k={k}");
                    Assert.Equal(brute.Cost(mask).Value, selected.Costs[c], 1e-12);
                    worst = Fraction.Max(worst, brute.Cost(mask));
                }
                Assert.True(labels.All(l => l >= -1 && l < k));
                Assert.True(worst.EqualsExactly(optimum), $"sets cost {worst}, optimum {optimum}: {tree} k={k}");
                Assert.Equal(optimum.Value, selected.Cost, 1e-12 * Math.Max(optimum.Value, 1));
                Assert.True(search.EpsilonHigh >= selected.Cost && (search.EpsilonLow < optimum.Value || search.EpsilonHigh == 0),
                    $"ε bracket [{search.EpsilonLow}, {search.EpsilonHigh}] vs optimum {optimum}: {tree} k={k}");
                pairs++;
            }
        }
        Assert.True(pairs > 250, $"only {pairs} tree/k pairs were checked");
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Optimum_is_where_the_two_tests_disagree(int batch)
    {
        // decide(ι_k) ≥ k and decide_strict(ι_k) < k, in exact arithmetic: with ι_k = p/q, flows and potentials
        // times q and weights times p make c_ε at ε = 1 an integer, so the doubles are exact.
        foreach (var tree in Trees(batch))
        {
            var brute = new BruteForceSubpartitions(tree);
            for (int k = 1; k <= Math.Min(4, tree.Count); k++)
            {
                var optimum = brute.Optimum(k);
                var (decider, epsilon) = optimum.Numerator == 0
                    ? (new SerialTreeDecider(tree.ToWeightedTree()), 0.0)
                    : (new SerialTreeDecider(tree.ToWeightedTree(optimum.Denominator, optimum.Numerator)), 1.0);
                Assert.True(decider.Count(epsilon) >= k, $"decide(ι_k) < k: {tree} k={k} ι={optimum}");
                Assert.True(decider.Count(epsilon, strict: true) < k, $"decide_strict(ι_k) ≥ k: {tree} k={k} ι={optimum}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Decision_count_is_the_maximum_packing(int batch)
    {
        int checks = 0;
        foreach (var tree in Trees(batch))
        {
            var brute = new BruteForceSubpartitions(tree);
            var decider = new SerialTreeDecider(tree.ToWeightedTree());
            // Dyadic thresholds are exact in doubles: ε = m/8 over the range of the singleton costs.
            for (int m = 0; m <= 8 * 20; m += 3)
            {
                var epsilon = new Fraction(m, 8);
                foreach (bool strict in new[] { false, true })
                {
                    Assert.Equal(brute.MaxPacking(epsilon, strict), decider.Count(epsilon.Value, strict));
                    checks++;
                }
            }
            // Every candidate value, the cost of some connected set, where that set is exactly on the threshold.
            foreach (var (_, cost) in brute.ConnectedSets().Take(40))
            {
                if (cost.Numerator == 0) continue;
                var scaled = new SerialTreeDecider(tree.ToWeightedTree(cost.Denominator, cost.Numerator));
                foreach (bool strict in new[] { false, true })
                {
                    Assert.Equal(brute.MaxPacking(cost, strict), scaled.Count(1.0, strict));
                    checks++;
                }
            }
        }
        Assert.True(checks > 10000, $"only {checks} checks");
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Level_and_subtree_deciders_equal_the_serial_one_bit_for_bit(int batch)
    {
        using var pool1 = new WorkerPool(1);
        using var pool2 = new WorkerPool(2);
        using var pool3 = new WorkerPool(3);
        foreach (var tree in Trees(batch))
        {
            var weighted = tree.ToWeightedTree();
            var serial = new SerialTreeDecider(weighted);
            ITreeDecider[] deciders =
            [
                new LevelTreeDecider(weighted),
                new LevelTreeDecider(weighted, pool2, minParallelWidth: 1),
                new LevelTreeDecider(weighted, pool3, minParallelWidth: 2),
                // Tasks of one vertex (all top region), of two and three, and the whole tree below the root.
                new SubtreeTreeDecider(weighted, pool2, maxTaskSize: 1),
                new SubtreeTreeDecider(weighted, pool3, maxTaskSize: 2),
                new SubtreeTreeDecider(weighted, pool1, maxTaskSize: 3),
                new SubtreeTreeDecider(weighted, pool1, maxTaskSize: weighted.Count),
            ];
            foreach (double epsilon in new[] { 0, 0.1, 1.0 / 3, 0.7, 1, 2.5, 1e-3 * Math.PI, 6 })
            {
                foreach (bool strict in new[] { false, true })
                {
                    var expected = serial.Decide(epsilon, strict);
                    foreach (var decider in deciders)
                    {
                        var actual = decider.Decide(epsilon, strict);
                        Assert.Equal(expected.Value, actual.Value);         // exact equality of every double
                        Assert.Equal(expected.Good, actual.Good);
                        Assert.Equal(expected.Joined, actual.Joined);
                        Assert.Equal(expected.Representative, actual.Representative);
                        Assert.Equal(expected.Count, actual.Count);
                        Assert.Equal(expected.Count, decider.Count(epsilon, strict));
                    }
                }
            }
        }
    }

    private static IEnumerable<IntegerTree> Trees(int batch) =>
        IntegerTree.Random(Seed + (ulong)batch, TreeCount / Batches.Count, maxVertices: 10);
}
