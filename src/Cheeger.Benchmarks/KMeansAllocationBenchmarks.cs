using Cheeger.Clustering;
using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Benchmarks;

/// <summary>
/// Bytes allocated by a run of 1 pass and of 6 passes (N = 1e6, k = 40, D = 2): their difference divided by 5
/// is what one more pass allocates, which must be 0. The run itself allocates its result (labels, centroids).
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.KMeans)]
public class KMeansAllocationBenchmarks : IDisposable
{
    private Dataset _data = null!;
    private KMeansOptions _options = null!;
    private double[] _initial = [];
    private IKMeansBackend _backend = null!;

    /// <summary>Passes per run.</summary>
    [Params(1, 6)]
    public int Passes { get; set; }

    /// <summary>The backend measured.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "";

    /// <summary>Every k-means backend that can run here.</summary>
    public static IEnumerable<string> Backends => BenchmarkBackends.Available(ClusteringMethod.KMeans);

    /// <summary>Generates the data and checks the pass count.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticData.Uniform(1_000_000, 2);
        _options = new KMeansOptions { K = 40, Seed = 1, MaxIterations = Passes };
        _initial = KMeansInitializer.InitialCentroids(_data, _options);
        _backend = BenchmarkBackends.KMeans(Backend);
        var check = _backend.Run(_data, _options, _initial);
        if (check.Iterations != Passes)
            throw new InvalidOperationException($"{Backend} stopped after {check.Iterations} passes, not {Passes}.");
    }

    /// <summary>One run of <see cref="Passes"/> passes.</summary>
    [Benchmark]
    public KMeansResult Run() => _backend.Run(_data, _options, _initial);

    /// <summary>Releases native or device resources.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        (_backend as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
