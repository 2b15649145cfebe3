using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using static Cheeger.Clustering.Tests.KMeans.KMeansBackendCases;

namespace Cheeger.Clustering.Tests.KMeans;

/// <summary>
/// The parallel backend against the serial reference: identical labels and pass-by-pass change counts, centroids
/// and inertia equal up to rounding (the reference adds the same terms in another order), and the parallel result
/// identical, bit for bit, for every worker count and vector width.
/// </summary>
public class ParallelKMeansAgreementTests
{
    private static readonly int[] WorkerCounts = [1, 2, 3, 8];

    public static TheoryData<string> DataSetNames => new(TestData.Names);

    [Theory]
    [MemberData(nameof(DataSetNames))]
    public void AgreesWithSerialOnEveryBundledDataSet(string name)
    {
        Dataset data = TestData.Sample(TestData.Load(name), 20_000, seed: 2026);
        var options = new KMeansOptions { K = data.ClassNames.Count, Seed = 5 };
        AssertAgreement(data, options);
    }

    [Theory]
    [InlineData(30_000, 3, 12, 1UL)]
    [InlineData(20_000, 2, 40, 2UL)]
    [InlineData(9_000, 5, 7, 3UL)]
    [InlineData(4_097, 1, 4, 4UL)]
    public void AgreesWithSerialOnUniformData(int n, int d, int k, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextDouble() * 100 - 50;
        AssertAgreement(new Dataset(points, n, d), new KMeansOptions { K = k, Seed = seed });
    }

    [Theory]
    [InlineData(KMeansInit.Random)]
    [InlineData(KMeansInit.KMeansPlusPlus)]
    public void AgreesWithSerialOnDuplicatePoints(KMeansInit init)
    {
        // 20 000 draws from 300 distinct points: identical initial centroids and exact ties are likely.
        var rng = new SplitMix64(77);
        var pool = new double[300 * 2];
        for (int i = 0; i < pool.Length; i++) pool[i] = rng.NextDouble();
        int n = 20_000;
        var points = new double[n * 2];
        for (int i = 0; i < n; i++) pool.AsSpan((int)rng.NextBelow(300) * 2, 2).CopyTo(points.AsSpan(i * 2, 2));
        AssertAgreement(new Dataset(points, n, 2), new KMeansOptions { K = 10, Seed = 8, Init = init });
    }

    [Theory]
    [InlineData(2, 16)]
    [InlineData(3, 9)]
    public void AgreesWithSerialOnIntegerGridsFullOfTies(int d, int k)
    {
        // Coordinates 0..6: many points coincide, and many lie exactly halfway between two centroids.
        var rng = new SplitMix64(99);
        int n = 25_000;
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++) points[i] = rng.NextBelow(7);
        AssertAgreement(new Dataset(points, n, d), new KMeansOptions { K = k, Seed = 3 });
    }

    [Fact]
    public void AgreesWithSerialWithOneCluster()
    {
        AssertAgreement(TestData.Load("s1"), new KMeansOptions { K = 1 });
    }

    [Fact]
    public void EveryVectorWidthGivesTheSameBits()
    {
        foreach (var (data, options) in new[]
        {
            (TestData.Load("a3"), new KMeansOptions { K = 50, Seed = 1, Workers = 2 }),
            (TestData.Load("yeast"), new KMeansOptions { K = 10, Seed = 1, Workers = 2 }),
        })
        {
            double[] start = KMeansInitializer.InitialCentroids(data, options);
            var reference = new ParallelKMeans(LaneWidth.Scalar).Run(data, options, start, Cancel);
            AssertIdentical(reference, new ParallelKMeans(LaneWidth.Vector256).Run(data, options, start, Cancel));
            AssertIdentical(reference, new ParallelKMeans(LaneWidth.Vector512).Run(data, options, start, Cancel));
            Assert.Equal(new SerialKMeans().Run(data, options, start, Cancel).Labels, reference.Labels);
        }
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("parallel")]
    public void SameSeedTwiceGivesTheSameResult(string backend)
    {
        Dataset data = TestData.Load("s2");
        var options = new KMeansOptions { K = 15, Seed = 12345, Init = KMeansInit.KMeansPlusPlus };
        var first = KMeansBackendCases.Create(backend).Run(data, options, KMeansInitializer.InitialCentroids(data, options), Cancel);
        var second = KMeansBackendCases.Create(backend).Run(data, options, KMeansInitializer.InitialCentroids(data, options), Cancel);
        AssertIdentical(first, second);
    }

    private static void AssertAgreement(Dataset data, KMeansOptions options)
    {
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        KMeansResult serial = new SerialKMeans().Run(data, options, start, Cancel);
        double[] scale = ColumnScales(data);

        KMeansResult? first = null;
        foreach (int workers in WorkerCounts)
        {
            KMeansResult parallel = new ParallelKMeans().Run(data, options with { Workers = workers }, start, Cancel);

            Assert.Equal(serial.Labels, parallel.Labels);
            Assert.Equal(serial.ChangesPerIteration, parallel.ChangesPerIteration);
            Assert.Equal(serial.Iterations, parallel.Iterations);
            for (int i = 0; i < serial.Centroids.Length; i++)
            {
                double a = serial.Centroids[i], b = parallel.Centroids[i];
                double tolerance = 1e-9 * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), scale[i % data.Dimension]);
                Assert.True(Math.Abs(a - b) <= tolerance, $"centroid value {i}: serial {a:R}, parallel {b:R} ({workers} workers)");
            }
            Assert.Equal(serial.Inertia, parallel.Inertia, 1e-9 * Math.Max(serial.Inertia, 1e-300));

            if (first is null) first = parallel;
            else AssertIdentical(first, parallel);
        }
    }

    private static void AssertIdentical(KMeansResult expected, KMeansResult actual)
    {
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.ChangesPerIteration, actual.ChangesPerIteration);
        Assert.Equal(expected.Centroids.Select(BitConverter.DoubleToInt64Bits), actual.Centroids.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Inertia), BitConverter.DoubleToInt64Bits(actual.Inertia));
    }

    /// <summary>The largest |value| of each feature: the scale below which a centroid coordinate counts as zero.</summary>
    private static double[] ColumnScales(Dataset data)
    {
        var scale = new double[data.Dimension];
        for (int i = 0; i < data.Count; i++)
        {
            ReadOnlySpan<double> row = data.Row(i);
            for (int j = 0; j < row.Length; j++) scale[j] = Math.Max(scale[j], Math.Abs(row[j]));
        }
        return scale;
    }
}
