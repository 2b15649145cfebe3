using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native;

namespace Cheeger.Benchmarks;

/// <summary>
/// native-cuda isoperimetric clustering end to end (k = 10) with each spanning-tree algorithm, Prim (one
/// cooperative kernel, n − 1 grid-wide steps) and Borůvka (O(log n) rounds), on 1000 uniform points in D = 11,
/// Wine Quality white (n = 4898, D = 11) and 20000 uniform points in D = 11: the run that sets the size from which
/// <c>Auto</c> picks Borůvka (<c>CHEEGER_ISO_BORUVKA_MIN_POINTS</c>). Without a CUDA device the suite has no cases.
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.Gpu)]
public class GpuIsoperimetricBenchmarks : IDisposable
{
    private Dataset _data = null!;
    private NativeIsoperimetric _backend = null!;
    private readonly IsoperimetricOptions _options = new() { K = 10 };

    /// <summary>The input: a bundled file name or uniform-NxD.</summary>
    [Params("uniform-1000x11", "winequality_white.csv", "uniform-20000x11")]
    public string Input { get; set; } = "";

    /// <summary>The spanning-tree algorithm.</summary>
    [ParamsSource(nameof(Algorithms))]
    public CheegerIsoSpanningTree SpanningTree { get; set; }

    /// <summary>Prim and Borůvka where native-cuda can run; none elsewhere.</summary>
    public static IEnumerable<CheegerIsoSpanningTree> Algorithms
    {
        get
        {
            using NativeIsoperimetric probe = NativeIsoperimetric.Cuda();
            return probe.Availability.IsAvailable ? [CheegerIsoSpanningTree.Prim, CheegerIsoSpanningTree.Boruvka] : [];
        }
    }

    /// <summary>Loads or generates the input and makes one unmeasured run (device buffers).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = Input.StartsWith("uniform-", StringComparison.Ordinal)
            ? SyntheticData.Uniform(int.Parse(Input[8..Input.IndexOf('x')]), int.Parse(Input[(Input.IndexOf('x') + 1)..]))
            : SyntheticData.Bundled(Input);
        _backend = NativeIsoperimetric.Cuda(spanningTree: SpanningTree);
        EndToEnd();
    }

    /// <summary>The whole pipeline once.</summary>
    [Benchmark]
    public IsoperimetricResult EndToEnd() => _backend.Run(_data, _options);

    /// <summary>Releases the device resources.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _backend?.Dispose();
        GC.SuppressFinalize(this);
    }
}
