using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.Isoperimetric.SpanningTrees;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>
/// The managed kd-tree Borůvka and plain Borůvka build the reference Prim's tree bit for bit (parent, d², insertion
/// order) where pruning or ties could go wrong: every bundled data set, duplicates and all-equal points, lattices full
/// of exact ties, near-ties a rounding error apart, d = 1..10 and beyond, on 1, 2 and 3 workers; and the kd-tree's box
/// lower bound never exceeds a rounded d² of a point in its box.
/// </summary>
public sealed class SpanningTreeAlgorithmTests
{
    /// <summary>Rows kept of a bundled data set: the reference Prim is O(n²D), so the large sets are sampled.</summary>
    private const int MaxRows = 1500;

    public static TheoryData<int> Workers => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Workers))]
    public void Kdtree_builds_Prims_tree_on_every_bundled_data_set(int workers) =>
        AssertPrimsTree(TestData.Names.Select(name => TestData.Sample(TestData.Load(name), MaxRows, 7)), workers, kdtree: true);

    [Theory]
    [MemberData(nameof(Workers))]
    public void Kdtree_builds_Prims_tree_on_ties_and_near_ties(int workers) => AssertPrimsTree(TiesAndNearTies(), workers, kdtree: true);

    [Theory]
    [MemberData(nameof(Workers))]
    public void Kdtree_builds_Prims_tree_in_every_dimension(int workers) => AssertPrimsTree(Dimensions(), workers, kdtree: true);

    [Theory]
    [MemberData(nameof(Workers))]
    public void Boruvka_builds_Prims_tree_on_ties_and_near_ties(int workers) => AssertPrimsTree(TiesAndNearTies(), workers, kdtree: false);

    [Theory]
    [MemberData(nameof(Workers))]
    public void Boruvka_builds_Prims_tree_on_bundled_data_sets(int workers) =>
        AssertPrimsTree(((string[])["iris", "wine", "seeds", "yeast"]).Select(name => TestData.Load(name)), workers, kdtree: false);

    /// <summary>The pruning rule's premise: for points x in a box and any query q, the bound is at most the rounded d²(q, x). Queries and corners a few ulps from the faces.</summary>
    [Fact]
    public void The_box_lower_bound_never_exceeds_the_rounded_squared_distance_of_a_point_in_the_box()
    {
        var rng = new SplitMix64(5);
        double Unit() => 2 * rng.NextDouble() - 1;
        double Near(double x)
        {
            int steps = (int)rng.NextBelow(7) - 3;
            for (int s = 0; s < Math.Abs(steps); s++) x = steps > 0 ? Math.BitIncrement(x) : Math.BitDecrement(x);
            return x;
        }
        int equalCases = 0;
        for (int trial = 0; trial < 20000; trial++)
        {
            int d = 1 + trial % 10;
            double scale = Math.ScaleB(1.0, trial % 60 - 30);
            double[] low = new double[d], high = new double[d], q = new double[d], x = new double[d];
            for (int j = 0; j < d; j++)
            {
                double a = Unit() * scale, b = Near(a + Math.Abs(Unit()) * scale * 1e-3);
                low[j] = Math.Min(a, b);
                high[j] = Math.Max(a, b);
                x[j] = trial % 2 == 0 ? low[j] : high[j];     // a corner: the nearest point to a query outside
                q[j] = Near(trial % 3 == 0 ? x[j] : x[j] + Unit() * scale * 0.01);
            }
            double bound = KdTree.BoxLowerBound(q, low, high), d2 = SquaredDistance.Between(q, x);
            Assert.True(bound <= d2, $"trial {trial}: bound {bound:R} > d² {d2:R}");
            if (bound == d2) equalCases++;
        }
        // The bound is tight at a corner nearest to the query: many cases meet it exactly, none exceed it.
        Assert.True(equalCases > 1000, $"only {equalCases} tight cases");
    }

    /// <summary>The search's SIMD box bound and d² are the scalar sums of the spec bit for bit, in every dimension (odd ones take the scalar tail).</summary>
    [Fact]
    public void The_simd_box_bound_and_squared_distance_are_the_scalar_sums_bit_for_bit()
    {
        var rng = new SplitMix64(9);
        for (int trial = 0; trial < 20000; trial++)
        {
            int d = 1 + trial % 12;
            double scale = Math.ScaleB(1.0, trial % 80 - 40);
            double[] low = new double[d], high = new double[d], q = new double[d], x = new double[d];
            for (int j = 0; j < d; j++)
            {
                double a = (2 * rng.NextDouble() - 1) * scale, b = (2 * rng.NextDouble() - 1) * scale;
                low[j] = Math.Min(a, b);
                high[j] = Math.Max(a, b);
                q[j] = (trial % 3) switch { 0 => low[j], 1 => (2 * rng.NextDouble() - 1) * 2 * scale, _ => high[j] };
                x[j] = (2 * rng.NextDouble() - 1) * scale;
            }
            double expectedBound = 0;
            for (int j = 0; j < d; j++)
            {
                double gap = q[j] < low[j] ? q[j] - low[j] : q[j] > high[j] ? q[j] - high[j] : 0;
                expectedBound += gap * gap;
            }
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedBound), BitConverter.DoubleToInt64Bits(KdTree.BoxLowerBound(q, low, high)));
            double distance = SquaredDistance.Between(ref q[0], ref x[0], d);
            Assert.Equal(BitConverter.DoubleToInt64Bits(SquaredDistance.Between(q, x)), BitConverter.DoubleToInt64Bits(distance));
        }
    }

    [Theory]
    [MemberData(nameof(Workers))]
    public void The_kd_tree_holds_every_point_once_in_leaves_of_at_most_the_leaf_size(int workers)
    {
        var data = TestData.GridPoints(3, 1000, 3, 4);
        using var pool = new WorkerPool(workers);
        var tree = KdTree.Build(data, pool);
        Assert.Equal(Enumerable.Range(0, 1000), tree.VertexAt.Order());
        for (int p = 0; p < tree.Count; p++) Assert.Equal(data.Row(tree.VertexAt[p]).ToArray(), tree.Row(p).ToArray());
        for (int node = 0; node < tree.NodeCount; node++)
        {
            int child = tree.FirstChild[node];
            if (child < 0) Assert.InRange(tree.End[node] - tree.Begin[node], 1, KdTree.LeafSize);
            else Assert.Equal((tree.Begin[node], tree.End[node]), (tree.Begin[child], tree.End[child + 1]));
        }
    }

    /// <summary>The levels' nodes split over the workers (enough points that a level has several chunks) give the serial build's tree.</summary>
    [Theory]
    [MemberData(nameof(Workers))]
    public void The_kd_tree_is_the_same_for_every_worker_count(int workers)
    {
        var data = Uniform(40000, 3, 77);
        using var pool = new WorkerPool(workers);
        var serial = KdTree.Build(data);
        var split = KdTree.Build(data, pool);
        Assert.Equal(serial.NodeCount, split.NodeCount);
        Assert.Equal(serial.VertexAt, split.VertexAt);
        Assert.Equal(serial.Coordinates, split.Coordinates);
        Assert.Equal(serial.Begin, split.Begin);
        Assert.Equal(serial.End, split.End);
        Assert.Equal(serial.FirstChild, split.FirstChild);
        Assert.Equal(serial.LeastVertex, split.LeastVertex);
        Assert.Equal(serial.Low, split.Low);
        Assert.Equal(serial.High, split.High);
    }

    private static void AssertPrimsTree(IEnumerable<Dataset> sets, int workers, bool kdtree)
    {
        using var pool = new WorkerPool(workers);
        var cancellation = TestContext.Current.CancellationToken;
        foreach (var data in sets)
        {
            var expected = PrimTreeBuilder.Build(data, cancellation);
            var actual = kdtree ? KdTreeBoruvka.Build(data, pool, cancellation) : BruteForceBoruvka.Build(data, pool, cancellation);
            string what = $"{data.Name}, {(kdtree ? "kdtree" : "boruvka")}, {workers} workers";
            Assert.True(expected.Parent.SequenceEqual(actual.Parent), $"{what}: parents differ");
            Assert.True(expected.SquaredEdgeLength.SequenceEqual(actual.SquaredEdgeLength), $"{what}: squared lengths differ");
            Assert.True(expected.Order.SequenceEqual(actual.Order), $"{what}: orders differ");
            Assert.Equal(expected.SiblingRank, actual.SiblingRank);
        }
    }

    private static IEnumerable<Dataset> TiesAndNearTies()
    {
        yield return Named(TestData.GridPoints(9, 400, 2, 5), "duplicates on 25 sites");
        yield return new Dataset(Enumerable.Repeat(-1.5, 300 * 3).ToArray(), 300, 3, name: "all points equal");
        yield return Lattice(30, 2, 1.0);
        yield return Lattice(10, 3, 1.0);
        yield return Lattice(9, 3, 0.1);
        yield return Lattice(25, 2, 0.1);
        yield return new Dataset(Enumerable.Range(0, 600).Select(i => i * 0.1).ToArray(), 600, 1, name: "line of tenths");
        yield return UlpStars();
        yield return OneUlpApart();
        yield return new Dataset([2.0, 7.0], 1, 2, name: "one point");
        yield return new Dataset([2.0, 7.0, 2.0, 7.0], 2, 2, name: "two equal points");
        for (int seed = 21; seed <= 26; seed++) yield return TestData.GridPoints((ulong)seed, 300, 1 + seed % 4, 2 + seed % 3);
    }

    private static IEnumerable<Dataset> Dimensions()
    {
        for (int d = 1; d <= 10; d++)
        {
            yield return Uniform(1200, d, 100 + (ulong)d);
            yield return Blobs(1200, d, 20, 200 + (ulong)d);
        }
        // Far above where the automatic choice stops: the pruning barely works there, the tree must still be exact.
        yield return Uniform(400, 40, 140);
    }

    private static Dataset Named(Dataset data, string name) => new(data.Points.ToArray(), data.Count, data.Dimension, name: name);

    /// <summary>Every point of the side^d lattice at the given spacing, in lexicographic order (ties only).</summary>
    private static Dataset Lattice(int side, int d, double spacing)
    {
        int n = (int)Math.Pow(side, d);
        var points = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            int rest = i;
            for (int j = d - 1; j >= 0; j--)
            {
                points[i * d + j] = rest % side * spacing;
                rest /= side;
            }
        }
        return new Dataset(points, n, d, name: $"{d}-d lattice {side}^{d} spacing {spacing}");
    }

    /// <summary>Unit vectors ±e_j around 12 centres in d = 6, each coordinate moved by a few ulps: d² near 1 and 2 that differ by single ulps or tie.</summary>
    private static Dataset UlpStars()
    {
        const int d = 6;
        var rng = new SplitMix64(41);
        double Nudge(double x)
        {
            int steps = (int)rng.NextBelow(5) - 2;
            for (int s = 0; s < Math.Abs(steps); s++) x = steps > 0 ? Math.BitIncrement(x) : Math.BitDecrement(x);
            return x;
        }
        var points = new List<double>();
        for (int centre = 0; centre < 12; centre++)
        {
            double offset = 5.0 * centre;
            for (int j = 0; j < d; j++) points.Add(j == 0 ? offset : 0.0);
            for (int axis = 0; axis < d; axis++)
            {
                foreach (double sign in (double[])[1.0, -1.0])
                {
                    for (int j = 0; j < d; j++) points.Add(Nudge((j == 0 ? offset : 0.0) + (j == axis ? sign : 0.0)));
                }
            }
        }
        return new Dataset([.. points], points.Count / d, d, name: "stars a few ulps off");
    }

    /// <summary>d² one ulp apart by construction: from the origin, x at 1 and y with y² rounded to the double after 1, both beside points that tie them.</summary>
    private static Dataset OneUlpApart()
    {
        double next = Math.Sqrt(Math.BitIncrement(1.0));
        return new Dataset([0, 0, 1, 0, 0, next, -1, 0, 0, -next, 3, 3, 3, 3 + next, 4, 3], 8, 2, name: "one ulp apart");
    }

    private static Dataset Uniform(int n, int d, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextDouble();
        return new Dataset(points, n, d, name: $"uniform d={d}");
    }

    /// <summary>n points around <paramref name="blobs"/> random centres (a sum of uniforms, roughly Gaussian, spread 0.02).</summary>
    private static Dataset Blobs(int n, int d, int blobs, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var centres = new double[blobs * d];
        for (int i = 0; i < centres.Length; i++) centres[i] = rng.NextDouble();
        var points = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            int blob = (int)rng.NextBelow((ulong)blobs);
            for (int j = 0; j < d; j++) points[i * d + j] = centres[blob * d + j] + 0.02 * (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5);
        }
        return new Dataset(points, n, d, name: $"blobs d={d}");
    }
}
