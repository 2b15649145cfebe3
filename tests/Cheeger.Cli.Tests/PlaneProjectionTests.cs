using Cheeger.Cli.Plotting;
using Cheeger.Clustering.Data;

namespace Cheeger.Cli.Tests;

public class PlaneProjectionTests
{
    [Fact]
    public void Keeps_two_features_as_they_are()
    {
        var data = new Dataset([1, 2, 3, 4, 5, 6], 3, 2, featureNames: ["a", "b"]);

        var plane = PlaneProjection.Of(data, standardize: false);

        Assert.Equal([1.0, 3, 5], plane.X);
        Assert.Equal([2.0, 4, 6], plane.Y);
        Assert.Equal(("a", "b"), (plane.XLabel, plane.YLabel));
    }

    [Fact]
    public void Projects_onto_the_two_directions_of_largest_variance()
    {
        // Points on the axes with spreads 3 (z), 2 (x) and 1 (y): PC1 is ±z, PC2 is ±x, y is dropped.
        double[] points =
        [
            0, 0, 3,   0, 0, -3,
            2, 0, 0,   -2, 0, 0,
            0, 1, 0,   0, -1, 0,
        ];
        var data = new Dataset(points, 6, 3);

        var plane = PlaneProjection.Of(data, standardize: false);

        double[] expectedX = [3, -3, 0, 0, 0, 0], expectedY = [0, 0, 2, -2, 0, 0];
        double signX = Math.Sign(plane.X[0]), signY = Math.Sign(plane.Y[2]);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(expectedX[i], signX * plane.X[i], 9);
            Assert.Equal(expectedY[i], signY * plane.Y[i], 9);
        }
        Assert.Equal(("PC1", "PC2"), (plane.XLabel, plane.YLabel));
    }

    [Fact]
    public void Standardizing_makes_each_feature_unit_variance_first()
    {
        var data = new Dataset([0, 0, 10, 1000], 2, 2);

        var plane = PlaneProjection.Of(data, standardize: true);

        Assert.Equal([-1.0, 1], plane.X);
        Assert.Equal([-1.0, 1], plane.Y);
    }
}
