using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// The k-means contract, once for every backend of the registry (ilgpu on the CPU accelerator and on CUDA): from the
/// shared initial centroids, the reference's labels, passes and change counts, centroids to 1e-9 of the data's scale
/// (its largest |coordinate|), inertia to 1e-12 relative, and the same bits on every worker count; a backend that shares the 4096-row chunking (parallel,
/// native-cpu) gives the managed parallel backend's centroids bit for bit; bad options are input errors.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class KMeansContractTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly (string File, int K)[] Files = [("s1", 15), ("wine", 3)];
    private static readonly ulong[] Seeds = [1, 20261123];

    public static TheoryData<string, string, int, ulong> Cases()
    {
        var cases = new TheoryData<string, string, int, ulong>();
        foreach (string target in ConformanceTarget.Implementing(ClusteringMethod.KMeans).Where(t => t != BackendRegistry.Reference))
            foreach ((string file, int k) in Files)
                foreach (ulong seed in Seeds) cases.Add(target, file, k, seed);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_the_reference_on_every_worker_count(string label, string file, int k, ulong seed)
    {
        ConformanceTarget target = ConformanceTarget.Named(label);
        Dataset data = ConformanceData.Load(file);
        var options = new KMeansOptions { K = k, Seed = seed };
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        KMeansResult serial = ReferenceResults.Of(data, options, start);
        bool sharesChunking = target.Registration.Name is BackendNames.Parallel or BackendNames.NativeCpu;
        KMeansResult? parallel = sharesChunking ? new ParallelKMeans().Run(data, options, start, Cancel) : null;
        IKMeansBackend backend = target.KMeans();
        try
        {
            KMeansResult? first = null;
            foreach (int workers in ConformanceData.WorkerCounts)
            {
                KMeansResult actual = backend.Run(data, options with { Workers = workers }, start, Cancel);
                string context = $"{label} {file} k={k} seed={seed} workers={workers}";
                Assert.Equal(target.Registration.Name, actual.Backend);
                Assert.True(serial.Labels.SequenceEqual(actual.Labels), $"{context}: labels differ");
                Assert.Equal(serial.Iterations, actual.Iterations);
                Assert.Equal(serial.ChangesPerIteration, actual.ChangesPerIteration);
                for (int i = 0; i < serial.Centroids.Length; i++)
                {
                    double a = serial.Centroids[i], b = actual.Centroids[i];
                    double tolerance = 1e-9 * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), data.LargestMagnitude);
                    Assert.True(Math.Abs(a - b) <= tolerance, $"{context}: centroid value {i}: serial {a:R}, {label} {b:R}");
                }
                Assert.Equal(serial.Inertia, actual.Inertia, 1e-12 * serial.Inertia);
                if (parallel is not null) Assert.Equal(parallel.Centroids, actual.Centroids);
                if (first is null) first = actual;
                else Assert.True(first.Centroids.SequenceEqual(actual.Centroids) && first.Labels.SequenceEqual(actual.Labels),
                    $"{context}: differs from the run on {ConformanceData.WorkerCounts[0]} workers");
            }
        }
        finally
        {
            (backend as IDisposable)?.Dispose();
        }
    }

    public static TheoryData<string> AllTargets() => new(ConformanceTarget.Implementing(ClusteringMethod.KMeans));

    [Theory]
    [MemberData(nameof(AllTargets))]
    public void Bad_options_are_input_errors(string label)
    {
        Dataset data = ConformanceData.Load("wine");
        IKMeansBackend backend = ConformanceTarget.Named(label).KMeans();
        try
        {
            var tooMany = new KMeansOptions { K = data.Count + 1 };
            var error = Assert.Throws<ClusteringInputException>(() => backend.Run(data, tooMany, new double[tooMany.K * data.Dimension], Cancel));
            Assert.Equal($"k = {data.Count + 1} exceeds the number of points n = {data.Count}.", error.Message);
            var passes = new KMeansOptions { K = 2, MaxIterations = 0 };
            error = Assert.Throws<ClusteringInputException>(() => backend.Run(data, passes, new double[2 * data.Dimension], Cancel));
            Assert.Equal("max iterations must be at least 1 (got 0).", error.Message);
        }
        finally
        {
            (backend as IDisposable)?.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(AllTargets))]
    public void Single_precision_runs_only_where_it_is_offered_and_keeps_its_agreement_rule(string label)
    {
        // The rule of docs/gpu.md: single-precision labels differ from double only at near-ties, at most 0.1 % of
        // the points here, and the centroids agree with double to 1e-4 of the data's scale.
        ConformanceTarget target = ConformanceTarget.Named(label);
        Dataset data = ConformanceData.Load("s1");
        var options = new KMeansOptions { K = 15, Seed = 1, Precision = KMeansPrecision.Single };
        double[] start = KMeansInitializer.InitialCentroids(data, options);
        IKMeansBackend backend = target.KMeans();
        try
        {
            if (!target.Registration.OffersSinglePrecision)
            {
                var error = Assert.Throws<ClusteringInputException>(() => backend.Run(data, options, start, Cancel));
                Assert.Equal("precision single is offered by native CUDA only; this backend computes in double.", error.Message);
                return;
            }
            KMeansResult single = backend.Run(data, options, start, Cancel);
            KMeansResult reference = ReferenceResults.Of(data, options with { Precision = KMeansPrecision.Double }, start);
            int differing = reference.Labels.Zip(single.Labels).Count(pair => pair.First != pair.Second);
            Assert.True(differing <= data.Count / 1000, $"{differing} of {data.Count} labels differ from double");
            for (int i = 0; i < reference.Centroids.Length; i++)
                Assert.True(Math.Abs(reference.Centroids[i] - single.Centroids[i]) <= 1e-4 * data.LargestMagnitude,
                    $"centroid value {i}: double {reference.Centroids[i]:R}, single {single.Centroids[i]:R}");
        }
        finally
        {
            (backend as IDisposable)?.Dispose();
        }
    }
}
