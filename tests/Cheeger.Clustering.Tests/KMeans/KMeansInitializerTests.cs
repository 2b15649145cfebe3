using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Clustering.Tests.KMeans;

public class KMeansInitializerTests
{
    [Theory]
    [InlineData(1000, 50, 1UL)]
    [InlineData(1000, 50, 2UL)]
    [InlineData(7, 7, 3UL)]
    [InlineData(1, 1, 0UL)]
    public void SampleRowsGivesDistinctRowsInRange(int n, int k, ulong seed)
    {
        int[] rows = KMeansInitializer.SampleRows(n, k, seed);

        Assert.Equal(k, rows.Length);
        Assert.Equal(k, rows.Distinct().Count());
        Assert.All(rows, r => Assert.InRange(r, 0, n - 1));
    }

    [Fact]
    public void SampleRowsIsDeterministicPerSeedAndDiffersAcrossSeeds()
    {
        Assert.Equal(KMeansInitializer.SampleRows(10_000, 20, 42), KMeansInitializer.SampleRows(10_000, 20, 42));
        Assert.NotEqual(KMeansInitializer.SampleRows(10_000, 20, 42), KMeansInitializer.SampleRows(10_000, 20, 43));
        Assert.NotEqual(KMeansInitializer.SampleRows(10_000, 20, 0), KMeansInitializer.SampleRows(10_000, 20, 1));
    }

    [Fact]
    public void PlusPlusRowsAreDistinctInRangeAndDeterministic()
    {
        Dataset data = TestData.Load("iris");
        int[] rows = KMeansInitializer.PlusPlusRows(data, 10, 5);

        Assert.Equal(10, rows.Distinct().Count());
        Assert.All(rows, r => Assert.InRange(r, 0, data.Count - 1));
        Assert.Equal(rows, KMeansInitializer.PlusPlusRows(data, 10, 5));
        Assert.NotEqual(rows, KMeansInitializer.PlusPlusRows(data, 10, 6));
    }

    [Fact]
    public void PlusPlusPrefersFarPoints()
    {
        // Two groups 1000 apart, each spread over 1 unit: once a row of one group is chosen, a row of the other
        // group carries almost all of the D² weight.
        var points = new double[40];
        for (int i = 0; i < 20; i++) points[2 * i] = (i < 10 ? 0 : 1000) + (i % 10) * 0.1;
        var data = new Dataset(points, 20, 2);
        for (ulong seed = 0; seed < 10; seed++)
        {
            int[] rows = KMeansInitializer.PlusPlusRows(data, 2, seed);
            Assert.NotEqual(rows[0] < 10, rows[1] < 10);
        }
    }

    [Theory]
    [InlineData(KMeansInit.Random)]
    [InlineData(KMeansInit.KMeansPlusPlus)]
    public void IdenticalPointsStillGiveDistinctRows(KMeansInit init)
    {
        var data = new Dataset(Enumerable.Repeat(3.5, 2 * 20).ToArray(), 20, 2);
        int[] rows = init == KMeansInit.KMeansPlusPlus
            ? KMeansInitializer.PlusPlusRows(data, 20, 9)
            : KMeansInitializer.SampleRows(data.Count, 20, 9);
        Assert.Equal(20, rows.Distinct().Count());

        double[] centroids = KMeansInitializer.InitialCentroids(data, new KMeansOptions { K = 5, Init = init, Seed = 9 });
        Assert.Equal(Enumerable.Repeat(3.5, 10), centroids);
    }

    [Fact]
    public void InitialCentroidsAreTheSampledRows()
    {
        Dataset data = TestData.Load("wine");
        var options = new KMeansOptions { K = 3, Seed = 17 };
        double[] centroids = KMeansInitializer.InitialCentroids(data, options);
        int[] rows = KMeansInitializer.SampleRows(data.Count, 3, 17);

        int d = data.Dimension;
        for (int c = 0; c < 3; c++) Assert.Equal(data.Row(rows[c]).ToArray(), centroids[(c * d)..((c + 1) * d)]);
    }
}
