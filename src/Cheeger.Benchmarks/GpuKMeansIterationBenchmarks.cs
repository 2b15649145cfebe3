using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Benchmarks;

/// <summary>
/// The GPU backends (native-cuda, ilgpu on CUDA) at GPU sizes: N ∈ {1e6, 1e7, 1e8} uniform 2-D points (fixed seed),
/// k ∈ {10, 40}, <see cref="Passes"/> passes per run. BenchmarkDotNet's Mean is the whole call (upload, the passes,
/// download); the <c>ms/pass</c> column is the backend's own per-pass time (its assign + update phases: the Lloyd
/// loop's wall time, without the upload), the figure docs/benchmarks.md quotes. Without a CUDA device there is
/// no backend to measure and the suite has no cases.
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.Gpu)]
[Config(typeof(PassTimeConfig))]
public class GpuKMeansIterationBenchmarks : IDisposable
{
    /// <summary>Passes per run (the first pass, which moves every point, included).</summary>
    public const int Passes = 10;

    // One data set at a time, shared by the cases of the same N (1e8 points are 1.6 GB).
    private static Dataset? s_data;

    private Dataset _data = null!;
    private KMeansOptions _options = null!;
    private double[] _initial = [];
    private IKMeansBackend _backend = null!;

    /// <summary>Number of points.</summary>
    [Params(1_000_000, 10_000_000, 100_000_000)]
    public int N { get; set; }

    /// <summary>Number of clusters.</summary>
    [Params(10, 40)]
    public int K { get; set; }

    /// <summary>The GPU backend measured.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "";

    /// <summary>The GPU backends available here.</summary>
    public static IEnumerable<string> Backends => BenchmarkBackends.AvailableGpu;

    /// <summary>Generates (or reuses) the data, picks the initial centroids and makes one unmeasured run (kernel compilation, buffers).</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (s_data is null || s_data.Count != N)
        {
            s_data = null;
            GC.Collect();
            s_data = SyntheticData.Uniform(N, 2);
        }
        _data = s_data;
        _options = new KMeansOptions { K = K, Seed = 1, MaxIterations = Passes };
        _initial = KMeansInitializer.InitialCentroids(_data, _options);
        _backend = BenchmarkBackends.KMeans(Backend);
        Run();
    }

    /// <summary>One k-means call of <see cref="Passes"/> passes (fewer if the stop rule ends it); records its time per pass.</summary>
    [Benchmark]
    public KMeansResult Run()
    {
        KMeansResult result = _backend.Run(_data, _options, _initial);
        PassTimes.Record(Backend, N, K, result);
        return result;
    }

    /// <summary>Releases the device resources.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        (_backend as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
