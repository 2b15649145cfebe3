using Cheeger.Clustering;
using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Benchmarks;

/// <summary>
/// The study's speed-up table: time per k-means pass of the multi-core backends for workers 1–16 on its grid
/// (N ∈ {1e4, 1e5, 1e6} × k ∈ {10, 20, 40}, D = 2). Speed-up = the 1-worker time over the W-worker time of the
/// same backend, read from one run. More workers than cores show what oversubscription costs. The Mean is the
/// whole call per pass; the "ms/pass" column is the Lloyd loop alone (assign + update phases).
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.KMeans, BenchmarkConfig.Categories.Workers)]
[Config(typeof(PassTimeConfig))]
public class KMeansWorkersBenchmarks : IDisposable
{
    /// <summary>Passes per invocation.</summary>
    public const int Passes = 5;

    private Dataset _data = null!;
    private KMeansOptions _options = null!;
    private double[] _initial = [];
    private IKMeansBackend _backend = null!;

    /// <summary>Number of points.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int N { get; set; }

    /// <summary>Number of clusters.</summary>
    [Params(10, 20, 40)]
    public int K { get; set; }

    /// <summary>Worker threads.</summary>
    [Params(1, 2, 4, 8, 16)]
    public int Workers { get; set; }

    /// <summary>The backend measured.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "";

    /// <summary>The multi-core CPU backends that can run here.</summary>
    public static IEnumerable<string> Backends => BenchmarkBackends.Available(ClusteringMethod.KMeans).Where(name => name is BackendNames.Parallel or BackendNames.NativeCpu);

    /// <summary>Generates the data and the initial centroids, and checks that a run makes exactly <see cref="Passes"/> passes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticData.Uniform(N, 2);
        _options = new KMeansOptions { K = K, Seed = 1, MaxIterations = Passes, Workers = Workers };
        _initial = KMeansInitializer.InitialCentroids(_data, _options);
        _backend = BenchmarkBackends.KMeans(Backend);
        var check = _backend.Run(_data, _options, _initial);
        if (check.Iterations != Passes)
            throw new InvalidOperationException($"{Backend} stopped after {check.Iterations} passes, not {Passes}: the per-pass time would be wrong.");
    }

    /// <summary><see cref="Passes"/> passes of Lloyd's algorithm.</summary>
    [Benchmark(OperationsPerInvoke = Passes)]
    public KMeansResult Pass()
    {
        KMeansResult result = _backend.Run(_data, _options, _initial);
        PassTimes.Record(PassTimes.WithWorkers(Backend, Workers), N, K, result);
        return result;
    }

    /// <summary>Releases native resources.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        (_backend as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
