using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>
/// AUTO's spanning-tree choice on the CPU (<see cref="SpanningTreeChoice.Automatic(Dataset)"/>): by size and dimension,
/// and below the size for the ambient dimension by the data's <see cref="IntrinsicDimension"/>. The native core's
/// twin has the same cases (iso_spanning_tree_choice_test.cpp).
/// </summary>
public sealed class SpanningTreeChoiceTests
{
    [Fact]
    public void The_estimate_finds_a_plane_in_eleven_dimensions() =>
        Assert.InRange(IntrinsicDimension.Estimate(Plane(5000, 11, seed: 3)), 1.6, 2.4);

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(11)]
    public void The_estimate_finds_most_of_a_full_cube(int d)
    {
        // It runs low as d grows (few sampled neighbours, many near a face), never to half of d.
        double estimate = IntrinsicDimension.Estimate(Uniform(5000, d, seed: 4));
        Assert.InRange(estimate, 0.7 * d, 1.1 * d);
    }

    [Fact]
    public void The_estimate_is_undefined_without_a_scale()
    {
        Assert.True(double.IsNaN(IntrinsicDimension.Estimate(new Dataset(Enumerable.Repeat(0.25, 3000 * 4).ToArray(), 3000, 4))));
        Assert.True(double.IsNaN(IntrinsicDimension.Estimate(new Dataset([1.0, 2.0], 1, 2))));
    }

    [Fact]
    public void The_choice_follows_the_measured_sizes_of_the_ambient_dimension()
    {
        Assert.Equal(SpanningTreeAlgorithm.Prim, SpanningTreeChoice.Automatic(Uniform(CheegerConstants.IsoKdtreeMinPointsD2 - 1, 2, seed: 5)));
        Assert.Equal(SpanningTreeAlgorithm.Kdtree, SpanningTreeChoice.Automatic(Uniform(CheegerConstants.IsoKdtreeMinPointsD2, 2, seed: 5)));
        Assert.Equal(SpanningTreeAlgorithm.Prim, SpanningTreeChoice.Automatic(Uniform(5000, 11, seed: 6))); // full-dimensional
    }

    [Fact]
    public void The_choice_takes_the_kd_tree_where_the_intrinsic_dimension_is_low()
    {
        Assert.Equal(SpanningTreeAlgorithm.Kdtree, SpanningTreeChoice.Automatic(Plane(5000, 11, seed: 7)));
        Assert.Equal(SpanningTreeAlgorithm.Kdtree, SpanningTreeChoice.Automatic(TestData.Load("winequality_white"))); // estimate about 3
        Assert.Equal(SpanningTreeAlgorithm.Prim, SpanningTreeChoice.Automatic(Plane(CheegerConstants.IsoKdtreeMinPointsD2 - 1, 11, seed: 7)));
    }

    /// <summary>n points uniform on a random 2-D plane through R^d (a linear image of the unit square).</summary>
    private static Dataset Plane(int n, int d, ulong seed)
    {
        var random = new Random((int)seed);
        double[] basis = Enumerable.Range(0, 2 * d).Select(_ => random.NextDouble() - 0.5).ToArray();
        var points = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble(), v = random.NextDouble();
            for (int j = 0; j < d; j++) points[i * d + j] = u * basis[j] + v * basis[d + j];
        }
        return new Dataset(points, n, d, name: $"plane-{n}x{d}");
    }

    private static Dataset Uniform(int n, int d, ulong seed)
    {
        var random = new Random((int)seed);
        return new Dataset(Enumerable.Range(0, n * d).Select(_ => random.NextDouble()).ToArray(), n, d, name: $"uniform-{n}x{d}");
    }
}
