using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using static Cheeger.Clustering.Tests.KMeans.KMeansBackendCases;

namespace Cheeger.Clustering.Tests.KMeans;

public class KMeansOptionsTests
{
    private static readonly Dataset Ten = new(Enumerable.Range(0, 20).Select(i => (double)i).ToArray(), 10, 2);

    public static TheoryData<KMeansOptions, string> BadOptions => new()
    {
        { new KMeansOptions { K = 0 }, "k must be at least 1 (got 0)." },
        { new KMeansOptions { K = -4 }, "k must be at least 1 (got -4)." },
        { new KMeansOptions { K = 11 }, "k = 11 exceeds the number of points n = 10." },
        { new KMeansOptions { K = 2, MaxIterations = 0 }, "max iterations must be at least 1 (got 0)." },
        { new KMeansOptions { K = 2, Tolerance = double.NaN }, "tolerance must be a finite number ≥ 0 (got NaN)." },
        { new KMeansOptions { K = 2, Tolerance = -0.5 }, "tolerance must be a finite number ≥ 0 (got -0.5)." },
        { new KMeansOptions { K = 2, Tolerance = double.PositiveInfinity }, "tolerance must be a finite number ≥ 0 (got Infinity)." },
        { new KMeansOptions { K = 2, Workers = -1 }, "workers must be ≥ 0 (0 = all cores; got -1)." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void ValidateNamesTheOption(KMeansOptions options, string message)
    {
        var error = Assert.Throws<ClusteringInputException>(() => options.Validate(Ten));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BackendsRejectBadOptions(KMeansOptions options, string message)
    {
        double[] start = new double[Math.Max(options.K, 1) * 2];
        foreach (var backend in new[] { "serial", "parallel" })
        {
            var error = Assert.Throws<ClusteringInputException>(() => KMeansBackendCases.Create(backend).Run(Ten, options, start, Cancel));
            Assert.Equal(message, error.Message);
        }
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("parallel")]
    public void BackendsRejectInitialCentroidsOfTheWrongShape(string backend)
    {
        var error = Assert.Throws<ClusteringInputException>(
            () => KMeansBackendCases.Create(backend).Run(Ten, new KMeansOptions { K = 3 }, new double[5], Cancel));
        Assert.Equal("5 initial centroid values given, but k = 3 centroids of d = 2 features need 6.", error.Message);
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("parallel")]
    public void BackendsRejectNonFiniteInitialCentroids(string backend)
    {
        var error = Assert.Throws<ClusteringInputException>(
            () => KMeansBackendCases.Create(backend).Run(Ten, new KMeansOptions { K = 2 }, [0, 0, 1, double.NaN], Cancel));
        Assert.Equal("Initial centroid 2, feature 2: value NaN is not a finite number.", error.Message);
    }

    [Fact]
    public void EffectiveWorkersIsTheCoreCountWhenZero()
    {
        Assert.Equal(Environment.ProcessorCount, new KMeansOptions().EffectiveWorkers);
        Assert.Equal(3, new KMeansOptions { Workers = 3 }.EffectiveWorkers);
    }
}
