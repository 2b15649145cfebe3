using Cheeger.Clustering;
using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Benchmarks;

/// <summary>
/// The paper's Table 1 for every isoperimetric backend: end to end with the paper's k on Wine (k 3), a 2000-row
/// Skin sample (k 2; rows sampled with seed 1, as docs/quality.md), Yeast (k 10) and Wine Quality white (k 10).
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.Isoperimetric)]
public class IsoperimetricTable1Benchmarks : IDisposable
{
    private Dataset _data = null!;
    private IsoperimetricOptions _options = null!;
    private IIsoperimetricBackend _backend = null!;

    /// <summary>The Table 1 row.</summary>
    [Params("wine", "skin-2000", "yeast", "winequality-white")]
    public string Row { get; set; } = "";

    /// <summary>The backend measured.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "";

    /// <summary>Every isoperimetric backend that can run here.</summary>
    public static IEnumerable<string> Backends => BenchmarkBackends.Available(ClusteringMethod.Isoperimetric);

    /// <summary>Loads the row's data set.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_data, int k) = Row switch
        {
            "wine" => (SyntheticData.Bundled("wine.csv"), 3),
            "skin-2000" => (SyntheticData.Bundled("skin_segmentation.csv").Sample(2000, seed: 1), 2),
            "yeast" => (SyntheticData.Bundled("yeast.csv"), 10),
            "winequality-white" => (SyntheticData.Bundled("winequality_white.csv"), 10),
            _ => throw new ArgumentException($"Unknown Table 1 row '{Row}'."),
        };
        _options = new IsoperimetricOptions { K = k };
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
