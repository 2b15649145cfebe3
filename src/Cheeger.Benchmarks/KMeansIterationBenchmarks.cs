using Cheeger.Clustering;
using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Benchmarks;

/// <summary>
/// Time per k-means pass (assign + update) on uniform 2-D data, the study's grid: N ∈ {1e4, 1e5, 1e6} ×
/// k ∈ {10, 20, 40}, every backend available here. Each invocation runs exactly <see cref="Passes"/> passes
/// (checked in setup), so the Mean is the whole call per pass (the call's setup spread over its passes); the
/// "ms/pass" column is the Lloyd loop alone (the backend's assign + update phases), without that setup.
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.KMeans)]
[Config(typeof(PassTimeConfig))]
public class KMeansIterationBenchmarks : IDisposable
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

    /// <summary>The backend measured.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "";

    /// <summary>Every k-means backend that can run here.</summary>
    public static IEnumerable<string> Backends => BenchmarkBackends.Available(ClusteringMethod.KMeans);

    /// <summary>Generates the data and the initial centroids, and checks that a run makes exactly <see cref="Passes"/> passes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticData.Uniform(N, 2);
        _options = new KMeansOptions { K = K, Seed = 1, MaxIterations = Passes };
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
        PassTimes.Record(Backend, N, K, result);
        return result;
    }

    /// <summary>Releases native or device resources.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        (_backend as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
