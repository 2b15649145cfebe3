using Cheeger.Clustering;
using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Benchmarks;

/// <summary>
/// Isoperimetric tree clustering end to end (MST, weights, ε search, labels) with k = 10 on: 1000 uniform points
/// in D = 10, Wine Quality white (n = 4898, D = 11, the paper's largest reproducible row), and 20000 uniform
/// points in D = 10.
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.Isoperimetric)]
public class IsoperimetricBenchmarks : IDisposable
{
    private Dataset _data = null!;
    private IsoperimetricOptions _options = null!;
    private IIsoperimetricBackend _backend = null!;

    /// <summary>The input: a bundled file name or uniform-NxD.</summary>
    [Params("uniform-1000x10", "winequality_white.csv", "uniform-20000x10")]
    public string Input { get; set; } = "";

    /// <summary>The backend measured.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "";

    /// <summary>Every isoperimetric backend that can run here.</summary>
    public static IEnumerable<string> Backends => BenchmarkBackends.Available(ClusteringMethod.Isoperimetric);

    /// <summary>Loads or generates the input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = Input.StartsWith("uniform-", StringComparison.Ordinal)
            ? SyntheticData.Uniform(int.Parse(Input[8..Input.IndexOf('x')]), int.Parse(Input[(Input.IndexOf('x') + 1)..]))
            : SyntheticData.Bundled(Input);
        _options = new IsoperimetricOptions { K = 10 };
        _backend = BenchmarkBackends.Isoperimetric(Backend);
    }

    /// <summary>The whole pipeline once.</summary>
    [Benchmark]
    public IsoperimetricResult EndToEnd() => _backend.Run(_data, _options);

    /// <summary>Releases native or device resources.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        (_backend as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
