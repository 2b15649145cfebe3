using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>Prim's tree against Kruskal's under the same edge order, and its bookkeeping (spec §2.2).</summary>
public sealed class SpanningTreeTests
{
    public static TheoryData<int, int, int, int> Grids => new()
    {
        { 21, 40, 2, 3 }, { 22, 120, 2, 5 }, { 23, 90, 3, 2 }, { 24, 150, 1, 7 }, { 25, 200, 4, 3 }, { 26, 64, 2, 1000 },
    };

    [Theory]
    [MemberData(nameof(Grids))]
    public void Prim_has_the_edges_of_Kruskal_under_the_edge_order(int seed, int n, int dimension, int side)
    {
        var data = TestData.GridPoints((ulong)seed, n, dimension, side);
        var tree = PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken);

        var prim = new HashSet<(int, int)>();
        for (int v = 1; v < n; v++) prim.Add((Math.Min(v, tree.Parent[v]), Math.Max(v, tree.Parent[v])));
        Assert.Equal(n - 1, prim.Count);
        Assert.Equal(Kruskal(data), prim);
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Bookkeeping_follows_the_insertion_order(int seed, int n, int dimension, int side)
    {
        var data = TestData.GridPoints((ulong)seed, n, dimension, side);
        var tree = PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken);
        Assert.Equal(0, tree.Order[0]);
        Assert.Equal(-1, tree.Parent[0]);
        Assert.Equal(Enumerable.Range(0, n), tree.Order.Order());
        var position = new int[n];
        for (int t = 0; t < n; t++) position[tree.Order[t]] = t;
        var children = new int[n];
        foreach (int v in tree.Order.Skip(1))
        {
            int p = tree.Parent[v];
            Assert.True(position[p] < position[v]);
            Assert.Equal(tree.Depth[p] + 1, tree.Depth[v]);
            Assert.Equal(children[p]++, tree.SiblingRank[v]);
            Assert.Equal(SquaredDistance.Between(data.Row(v), data.Row(p)), tree.SquaredEdgeLength[v]);
            Assert.Equal(Math.Sqrt(tree.SquaredEdgeLength[v]), tree.EdgeLength[v]);
        }
    }

    [Fact]
    public void One_point_is_a_lone_root()
    {
        var tree = PrimTreeBuilder.Build(new Dataset([3.5, -1], 1, 2), TestContext.Current.CancellationToken);
        Assert.Equal([-1], tree.Parent);
        Assert.Equal([0], tree.Order);
        Assert.Equal([0.0], tree.EdgeLength);
    }

    [Fact]
    public void An_overflowing_distance_is_reported()
    {
        var data = new Dataset([-1e200, 0, 1e200, 0], 2, 2);
        var error = Assert.Throws<ClusteringInputException>(() => PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken));
        Assert.Contains("overflows", error.Message);
    }

    /// <summary>Kruskal's algorithm with edges sorted by (d², min, max) and a union–find.</summary>
    private static HashSet<(int, int)> Kruskal(Dataset data)
    {
        int n = data.Count;
        var edges = new List<(double D2, int A, int B)>();
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++) edges.Add((SquaredDistance.Between(data.Row(a), data.Row(b)), a, b));
        }
        edges.Sort();
        var root = Enumerable.Range(0, n).ToArray();
        int Find(int x) => root[x] == x ? x : root[x] = Find(root[x]);
        var tree = new HashSet<(int, int)>();
        foreach (var (_, a, b) in edges)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb) continue;
            root[ra] = rb;
            tree.Add((a, b));
        }
        return tree;
    }
}
