using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Clustering.Tests.Reliability;

/// <summary>
/// Inputs at the edge of what the methods accept: one point, identical points, duplicates, zero-variance features,
/// thousands of features. Each gives a finite result with labels in range on every managed backend.
/// </summary>
public sealed class DegenerateInputTests
{
    private static readonly IKMeansBackend[] KMeansBackends = [new SerialKMeans(), new ParallelKMeans()];
    private static readonly IIsoperimetricBackend[] IsoBackends = [new SerialIsoperimetric(), new ParallelIsoperimetric()];

    private static Dataset Points(int d, params double[] values) => new(values, values.Length / d, d);

    private static void AssertKMeans(Dataset data, int k, Action<KMeansResult>? also = null)
    {
        var options = new KMeansOptions { K = k, Seed = 7, Workers = 2 };
        double[] initial = KMeansInitializer.InitialCentroids(data, options);
        foreach (var backend in KMeansBackends)
        {
            var result = backend.Run(data, options, initial, TestContext.Current.CancellationToken);
            Assert.Equal(data.Count, result.Labels.Length);
            Assert.All(result.Labels, label => Assert.InRange(label, 0, k - 1));
            Assert.All(result.Centroids, c => Assert.True(double.IsFinite(c), $"{backend.Name}: centroid {c}"));
            Assert.True(double.IsFinite(result.Inertia));
            also?.Invoke(result);
        }
    }

    private static void AssertIso(Dataset data, IsoperimetricOptions options, Action<IsoperimetricResult>? also = null)
    {
        options = options with { Workers = 2, FullLabels = true, IncludeTree = true };
        foreach (var backend in IsoBackends)
        {
            var result = backend.Run(data, options, TestContext.Current.CancellationToken);
            Assert.Equal(data.Count, result.Labels.Length);
            Assert.All(result.Labels, label => Assert.InRange(label, -1, options.K - 1));
            Assert.All(result.FullLabels!, label => Assert.InRange(label, 0, options.K - 1));
            Assert.True(double.IsFinite(result.Sigma) && result.Sigma > 0, $"{backend.Name}: sigma {result.Sigma}");
            Assert.True(double.IsFinite(result.Cost), $"{backend.Name}: cost {result.Cost}");
            var tree = result.WeightedTree!;
            for (int v = 0; v < data.Count; v++)
            {
                if (tree.Parent[v] < 0) continue;
                Assert.True(double.IsFinite(tree.ParentFlow[v]) && tree.ParentFlow[v] > 0, $"{backend.Name}: flow {tree.ParentFlow[v]} of vertex {v}");
            }
            Assert.All(tree.VertexWeight, w => Assert.True(double.IsFinite(w) && w > 0, $"{backend.Name}: weight {w}"));
            also?.Invoke(result);
        }
    }

    [Fact]
    public void KMeans_on_one_point() =>
        AssertKMeans(Points(2, 3, 4), k: 1, r => Assert.Equal([3.0, 4.0], r.Centroids));

    [Fact]
    public void KMeans_on_identical_points_puts_all_in_the_first_cluster() =>
        AssertKMeans(Points(2, Enumerable.Repeat(1.5, 40).ToArray()), k: 3, r => Assert.All(r.Labels, l => Assert.Equal(0, l)));

    [Fact]
    public void KMeans_with_k_equal_to_n_on_duplicates_keeps_empty_clusters_finite() =>
        AssertKMeans(Points(1, 0, 0, 0, 5, 5), k: 5);

    [Fact]
    public void KMeans_on_thousands_of_features() =>
        AssertKMeans(new Dataset(Enumerable.Range(0, 6 * 2500).Select(i => (double)(i % 17)).ToArray(), 6, 2500), k: 2);

    [Theory]
    [InlineData(FlowKernel.Laplace)]
    [InlineData(FlowKernel.Gauss)]
    [InlineData(FlowKernel.Inverse)]
    public void Iso_on_one_point(FlowKernel kernel) =>
        AssertIso(Points(2, 3, 4), new IsoperimetricOptions { K = 1, Kernel = kernel }, r => Assert.Equal([0], r.Labels));

    [Theory]
    [InlineData(FlowKernel.Laplace, VertexWeight.Tree)]
    [InlineData(FlowKernel.Gauss, VertexWeight.Graph)]
    [InlineData(FlowKernel.Inverse, VertexWeight.Unit)]
    public void Iso_on_identical_points_keeps_sigma_and_flows_finite(FlowKernel kernel, VertexWeight weight) =>
        AssertIso(Points(3, Enumerable.Repeat(-2.0, 30).ToArray()), new IsoperimetricOptions { K = 2, Kernel = kernel, Weight = weight });

    [Theory]
    [InlineData(FlowKernel.Laplace)]
    [InlineData(FlowKernel.Gauss)]
    [InlineData(FlowKernel.Inverse)]
    public void Iso_on_duplicate_points_keeps_sigma_and_flows_finite(FlowKernel kernel) =>
        AssertIso(Points(2, 0, 0, 0, 0, 1, 1, 1, 1, 9, 9, 9, 9), new IsoperimetricOptions { K = 2, Kernel = kernel, Beta = 0.5 });

    [Theory]
    [InlineData(FlowKernel.Laplace)]
    [InlineData(FlowKernel.Inverse)]
    public void Iso_with_a_tiny_given_sigma_keeps_flows_finite(FlowKernel kernel) =>
        AssertIso(Points(1, 0, 0, 1, 1, 2), new IsoperimetricOptions { K = 2, Kernel = kernel, Sigma = 1e-300 });

    [Fact]
    public void Gauss_on_tiny_coordinates_refuses_the_computed_sigma_whose_square_underflows()
    {
        // 100 duplicates and one point 3e-162 away: σ = 2 × mean edge length ≈ 6e-164, σ² underflows to 0, and the
        // duplicates' zero-length edges would get exp(−0/0) = NaN.
        var data = Points(1, [.. new double[100], 3e-162]);

        var error = Assert.Throws<ClusteringInputException>(() =>
            new ParallelIsoperimetric().Run(data, new IsoperimetricOptions { K = 2, Kernel = FlowKernel.Gauss }, TestContext.Current.CancellationToken));

        Assert.StartsWith("σ = s × mean tree edge length = ", error.Message);
        Assert.Contains("out of range for kernel gauss", error.Message);
    }

    [Fact]
    public void Standardizing_a_zero_variance_feature_leaves_it_at_zero()
    {
        var data = Points(2, 1, 5, 2, 5, 3, 5, 10, 5);

        var standardized = FeatureStandardizer.Standardize(data);

        for (int i = 0; i < data.Count; i++) Assert.Equal(0.0, standardized.Row(i)[1]);
        Assert.All(standardized.Points.ToArray(), v => Assert.True(double.IsFinite(v)));
        AssertIso(data, new IsoperimetricOptions { K = 2, Standardize = true });
    }

    [Fact]
    public void Standardizing_identical_points_gives_a_finite_run() =>
        AssertIso(Points(2, Enumerable.Repeat(4.0, 20).ToArray()), new IsoperimetricOptions { K = 3, Standardize = true });

    [Fact]
    public void Iso_on_thousands_of_features() =>
        AssertIso(new Dataset(Enumerable.Range(0, 8 * 3000).Select(i => (double)(i % 13) * (i / 3000 < 4 ? 1 : 100)).ToArray(), 8, 3000),
            new IsoperimetricOptions { K = 2, Standardize = true });

    [Fact]
    public void Iso_on_huge_coordinates_refuses_the_overflowing_distance_naming_the_points()
    {
        var data = Points(1, -1e308, 1e308, 0);

        var error = Assert.Throws<ClusteringInputException>(() => new SerialIsoperimetric().Run(data, new IsoperimetricOptions { K = 2 }, TestContext.Current.CancellationToken));

        Assert.StartsWith("The squared distance between points 0 and 1 overflow", error.Message);
    }
}
