using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Backend;

[Collection(NativeContextCollection.Name)]
public sealed class NativeKMeansTests
{
    // Six points on a line, started from the first three rows. Worked by hand with the shared rules (assign
    // against the previous centroids, running sums of changed points, go on while changes > n/100 = 0):
    //   pass 1: labels 0 1 2 2 2 2, centroids 0 2 14           (6 changes)
    //   pass 2: labels 0 1 1 2 2 2, centroids 0 3 17.33        (1)
    //   pass 3: labels 0 1 1 1 2 2, centroids 0 5.33 21        (1)
    //   pass 4: labels 0 0 1 1 1 2, centroids 1 8.67 30        (2)
    //   pass 5: labels 0 0 0 1 1 2, centroids 2 11 30          (1)
    //   pass 6: no change: stop.  Inertia 4 + 0 + 4 + 1 + 1 + 0 = 10.
    private static readonly Dataset Line = new([0, 2, 4, 10, 12, 30], 6, 1, name: "line");
    private static readonly double[] LineStart = [0, 2, 4];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void HandWorkedCaseGivesTheHandWorkedAnswer(int workers)
    {
        Requirements.NativeLibrary();
        using NativeKMeans backend = NativeKMeans.Cpu();

        KMeansResult result = backend.Run(Line, new KMeansOptions { K = 3, Workers = workers }, LineStart, TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 0, 1, 1, 2], result.Labels);
        Assert.Equal([2.0, 11.0, 30.0], result.Centroids);
        Assert.Equal(6, result.Iterations);
        Assert.Equal(10.0, result.Inertia);
        Assert.Equal([6, 1, 1, 2, 1, 0], result.ChangesPerIteration);
        Assert.Equal("native-cpu", result.Backend);
        Assert.Equal(["init", "assign", "update"], result.Timings.Phases.Select(p => p.Key));
    }

    [Fact]
    public void MaxIterationsStopsTheHandWorkedCaseEarly()
    {
        Requirements.NativeLibrary();
        using NativeKMeans backend = NativeKMeans.Cpu();

        KMeansResult result = backend.Run(Line, new KMeansOptions { K = 3, MaxIterations = 2, Workers = 1 }, LineStart, TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 1, 2, 2, 2], result.Labels);
        Assert.Equal(2, result.Iterations);
        Assert.Equal([6, 1], result.ChangesPerIteration);
        Assert.Equal(0.0, result.Centroids[0]);
        Assert.Equal(3.0, result.Centroids[1]);
        Assert.Equal(52.0 / 3, result.Centroids[2], 12);
    }

    [Theory]
    [InlineData("s1.csv", 15)]
    [InlineData("wine.csv", 3)]
    public void EveryWorkerCountGivesTheSameAnswer(string file, int k)
    {
        Requirements.NativeLibrary();
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data(file));
        var options = new KMeansOptions { K = k, Seed = 20261123 };
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        using NativeKMeans backend = NativeKMeans.Cpu();

        KMeansResult[] results = [.. new[] { 1, 2, 3, 8 }.Select(w => backend.Run(data, options with { Workers = w }, start, TestContext.Current.CancellationToken))];

        Assert.All(results, r => Assert.Equal(k, r.Labels.Distinct().Count()));
        foreach (KMeansResult result in results[1..])
        {
            Assert.Equal(results[0].Labels, result.Labels);
            Assert.Equal(results[0].Centroids, result.Centroids);
            Assert.Equal(results[0].Iterations, result.Iterations);
            Assert.Equal(results[0].Inertia, result.Inertia);
        }
    }

    [Fact]
    public void TheContextIsMadeOnceAndRemadeOnlyForANewWorkerCount()
    {
        Requirements.NativeLibrary();
        Assert.Equal(0, CheegerLibrary.LiveContextCount);
        var backend = NativeKMeans.Cpu();

        backend.Run(Line, new KMeansOptions { K = 3, Workers = 2 }, LineStart, TestContext.Current.CancellationToken);
        backend.Run(Line, new KMeansOptions { K = 3, Workers = 2 }, LineStart, TestContext.Current.CancellationToken);
        Assert.Equal(1, CheegerLibrary.LiveContextCount);
        backend.Run(Line, new KMeansOptions { K = 3, Workers = 3 }, LineStart, TestContext.Current.CancellationToken);
        Assert.Equal(1, CheegerLibrary.LiveContextCount);
        backend.Dispose();

        Assert.Equal(0, CheegerLibrary.LiveContextCount);
        Assert.Throws<ObjectDisposedException>(() => backend.Run(Line, new KMeansOptions { K = 3 }, LineStart, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void InvalidOptionsAreRefusedBeforeAnyNativeCall()
    {
        using NativeKMeans backend = NativeKMeans.Cpu();

        var error = Assert.Throws<ClusteringInputException>(() => backend.Run(Line, new KMeansOptions { K = 7 }, new double[7], TestContext.Current.CancellationToken));

        Assert.StartsWith("k = 7 exceeds", error.Message);
    }

    [Fact]
    public void InitialCentroidsThatDoNotFitAreRefused()
    {
        using NativeKMeans backend = NativeKMeans.Cpu();

        Assert.Throws<ClusteringInputException>(() => backend.Run(Line, new KMeansOptions { K = 3 }, new double[2], TestContext.Current.CancellationToken));
        Assert.Throws<ClusteringInputException>(() => backend.Run(Line, new KMeansOptions { K = 3 }, [0, 1, double.NaN], TestContext.Current.CancellationToken));
    }
}
