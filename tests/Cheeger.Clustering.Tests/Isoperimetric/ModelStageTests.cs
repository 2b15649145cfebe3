using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>σ, flows, weights and potentials (spec §2.3–2.5), and standardisation.</summary>
public sealed class ModelStageTests
{
    /// <summary>Four points on a line at 0, 3, 4, 10: the tree is the path 0–1–2–3 with lengths 3, 1, 6.</summary>
    private static Dataset Line() => new([0, 3, 4, 10], 4, 1);

    [Fact]
    public void Sigma_is_s_times_the_mean_edge_length()
    {
        var tree = PrimTreeBuilder.Build(Line(), TestContext.Current.CancellationToken);
        Assert.Equal([-1, 0, 1, 2], tree.Parent);
        Assert.Equal(2 * (10.0 / 3), TreeWeighting.Sigma(tree, new IsoperimetricOptions()));
        Assert.Equal(3 * (10.0 / 3), TreeWeighting.Sigma(tree, new IsoperimetricOptions { SigmaScale = 3 }));
        Assert.Equal(0.7, TreeWeighting.Sigma(tree, new IsoperimetricOptions { Sigma = 0.7, SigmaScale = 3 }));
    }

    [Fact]
    public void Sigma_is_one_when_every_point_is_the_same_or_there_is_one_point()
    {
        var same = PrimTreeBuilder.Build(new Dataset([2, 2, 2, 2, 2, 2], 3, 2), TestContext.Current.CancellationToken);
        Assert.Equal(1, TreeWeighting.Sigma(same, new IsoperimetricOptions()));
        var lone = PrimTreeBuilder.Build(new Dataset([5.0], 1, 1), TestContext.Current.CancellationToken);
        Assert.Equal(1, TreeWeighting.Sigma(lone, new IsoperimetricOptions()));
    }

    [Theory]
    [InlineData(FlowKernel.Laplace)]
    [InlineData(FlowKernel.Gauss)]
    [InlineData(FlowKernel.Inverse)]
    public void Flows_follow_the_kernel(FlowKernel kernel)
    {
        double sigma = 2;
        double Expected(double d) => kernel switch
        {
            FlowKernel.Laplace => Math.Exp(-d / sigma),
            FlowKernel.Gauss => Math.Exp(-d * d / (sigma * sigma)),
            _ => sigma / (sigma + d),
        };
        var data = Line();
        var tree = PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken);
        var weighted = TreeWeighting.Build(data, tree, sigma, new IsoperimetricOptions { Kernel = kernel }, TestContext.Current.CancellationToken);
        Assert.Equal(0, weighted.ParentFlow[0]);
        Assert.Equal(Expected(3), weighted.ParentFlow[1], 1e-15);
        Assert.Equal(Expected(1), weighted.ParentFlow[2], 1e-15);
        Assert.Equal(Expected(6), weighted.ParentFlow[3], 1e-15);
    }

    [Fact]
    public void Flows_are_clamped_where_exp_underflows()
    {
        Assert.Equal(FlowKernels.MinimumFlow, FlowKernels.Flow(FlowKernel.Laplace, 1e6, 1));
        Assert.Equal(FlowKernels.MinimumFlow, FlowKernels.Flow(FlowKernel.Gauss, 1e4, 1));
        Assert.Equal(1, FlowKernels.Flow(FlowKernel.Laplace, 0, 1));
    }

    [Fact]
    public void Tree_weight_is_the_weighted_degree_and_unit_is_one()
    {
        var data = Line();
        var tree = PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken);
        var weighted = TreeWeighting.Build(data, tree, 2, new IsoperimetricOptions(), TestContext.Current.CancellationToken);
        var f = weighted.ParentFlow;
        Assert.Equal([f[1], f[1] + f[2], f[2] + f[3], f[3]], weighted.VertexWeight);
        var unit = TreeWeighting.Build(data, tree, 2, new IsoperimetricOptions { Weight = VertexWeight.Unit }, TestContext.Current.CancellationToken);
        Assert.Equal([1.0, 1, 1, 1], unit.VertexWeight);
    }

    [Fact]
    public void Graph_weight_sums_the_flows_to_every_other_point()
    {
        var data = Line();
        var tree = PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken);
        var weighted = TreeWeighting.Build(data, tree, 2, new IsoperimetricOptions { Weight = VertexWeight.Graph }, TestContext.Current.CancellationToken);
        double[] x = [0, 3, 4, 10];
        for (int v = 0; v < 4; v++)
        {
            double expected = Enumerable.Range(0, 4).Where(u => u != v).Sum(u => Math.Exp(-Math.Abs(x[u] - x[v]) / 2));
            Assert.Equal(expected, weighted.VertexWeight[v], 1e-15);
        }
    }

    [Fact]
    public void Potential_is_beta_times_one_minus_the_largest_incident_flow()
    {
        var data = Line();
        var tree = PrimTreeBuilder.Build(data, TestContext.Current.CancellationToken);
        var weighted = TreeWeighting.Build(data, tree, 2, new IsoperimetricOptions { Beta = 0.5 }, TestContext.Current.CancellationToken);
        var f = weighted.ParentFlow;
        Assert.Equal([0.5 * (1 - f[1]), 0.5 * (1 - f[2]), 0.5 * (1 - f[2]), 0.5 * (1 - f[3])], weighted.Potential);
        var plain = TreeWeighting.Build(data, tree, 2, new IsoperimetricOptions(), TestContext.Current.CancellationToken);
        Assert.All(plain.Potential, p => Assert.Equal(0, p));
    }

    [Fact]
    public void Standardisation_gives_mean_zero_unit_variance_and_zero_for_constant_features()
    {
        var data = new Dataset([1, 7, 0.1, 2, 7, 0.1, 3, 7, 0.1, 6, 7, 0.1], 4, 3, classes: [0, 1, 0, 1]);
        var z = FeatureStandardizer.Standardize(data);
        var column0 = Enumerable.Range(0, 4).Select(i => z.Row(i)[0]).ToArray();
        Assert.Equal(0, column0.Average(), 1e-15);
        Assert.Equal(1, column0.Average(x => x * x), 1e-15);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(0, z.Row(i)[1]);
            Assert.Equal(0, z.Row(i)[2]);
        }
        Assert.Equal(data.Classes.ToArray(), z.Classes.ToArray());
    }

    [Theory]
    [InlineData(4.0, 4.0)]
    [InlineData(8.0, 8.0)]           // a power of two is its own bound
    [InlineData(6.0, 8.0)]
    [InlineData(1.5, 2.0)]
    [InlineData(0.75, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(3e-300, 5.972887158420601e-300)]     // 2^-994
    [InlineData(4.9406564584124654e-324, 4.9406564584124654e-324)]
    [InlineData(1e-320, 1.0118463266868628e-320)]   // subnormal: 2^-1063
    public void Power_of_two_bound_is_exact(double x, double expected)
    {
        double bound = EpsilonSearch.PowerOfTwoAtLeast(x);
        Assert.Equal(expected, bound);
        Assert.True(bound >= x && (bound / 2 < x || x == 0 || bound == double.Epsilon));
    }

    [Fact]
    public void Power_of_two_bound_keeps_tree_weight_singletons_at_two()
    {
        // 1.5·c_k with c_k = 1 ± ulp, the usual singleton cost under tree weights (spec §5.1).
        Assert.Equal(2.0, EpsilonSearch.PowerOfTwoAtLeast(1.5 * Math.BitIncrement(1.0)));
        Assert.Equal(2.0, EpsilonSearch.PowerOfTwoAtLeast(1.5 * Math.BitDecrement(1.0)));
    }
}
