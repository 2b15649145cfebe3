using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Gpu;
using Cheeger.Gpu.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native;

namespace Cheeger.Benchmarks;

/// <summary>
/// The two GPU implementations of the paper's pipeline side by side, end to end, from one run: ILGPU (on CUDA) and
/// native-cuda, each with Prim and with Borůvka, beside native-cpu (its own choice of tree), on the paper's Table 1
/// rows (Wine k 3, a 2000-row Skin sample k 2, Yeast k 10, Wine Quality white k 10) and on uniform points in D = 10
/// (n = 1000, 4898, 20000, 100000; k 10). Without a CUDA device the suite has no cases.
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.Gpu, BenchmarkConfig.Categories.Isoperimetric)]
public class GpuIlgpuIsoperimetricBenchmarks : IDisposable
{
    private Dataset _data = null!;
    private IsoperimetricOptions _options = null!;
    private IIsoperimetricBackend _backend = null!;

    /// <summary>The input: a Table 1 row or uniform-N (D = 10).</summary>
    [Params("wine", "skin-2000", "yeast", "winequality-white", "uniform-1000", "uniform-4898", "uniform-20000", "uniform-100000")]
    public string Input { get; set; } = "";

    /// <summary>The implementation: backend/spanning tree.</summary>
    [ParamsSource(nameof(Implementations))]
    public string Implementation { get; set; } = "";

    /// <summary>ilgpu and native-cuda with Prim and Borůvka, and native-cpu, where a CUDA device is present; none elsewhere.</summary>
    public static IEnumerable<string> Implementations
    {
        get
        {
            using var ilgpu = new IlgpuIsoperimetric(IlgpuDevicePreference.Cuda);
            using NativeIsoperimetric cuda = NativeIsoperimetric.Cuda();
            if (!ilgpu.Availability.IsAvailable && !cuda.Availability.IsAvailable) return [];
            var names = new List<string>();
            foreach (string tree in (string[])["prim", "boruvka"])
            {
                if (ilgpu.Availability.IsAvailable) names.Add($"{BackendNames.Ilgpu}/{tree}");
                if (cuda.Availability.IsAvailable) names.Add($"{BackendNames.NativeCuda}/{tree}");
            }
            using NativeIsoperimetric cpu = NativeIsoperimetric.Cpu();
            if (cpu.Availability.IsAvailable) names.Add($"{BackendNames.NativeCpu}/auto");
            return names;
        }
    }

    /// <summary>Loads or generates the input, opens the backend and makes one unmeasured run (kernels, device buffers).</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_data, int k) = Input switch
        {
            "wine" => (SyntheticData.Bundled("wine.csv"), 3),
            "skin-2000" => (SyntheticData.Bundled("skin_segmentation.csv").Sample(2000, seed: 1), 2),
            "yeast" => (SyntheticData.Bundled("yeast.csv"), 10),
            "winequality-white" => (SyntheticData.Bundled("winequality_white.csv"), 10),
            _ when Input.StartsWith("uniform-", StringComparison.Ordinal) => (SyntheticData.Uniform(int.Parse(Input[8..]), 10), 10),
            _ => throw new ArgumentException($"Unknown input '{Input}'."),
        };
        _options = new IsoperimetricOptions { K = k };
        string backend = Implementation[..Implementation.IndexOf('/')];
        var tree = Implementation[(Implementation.IndexOf('/') + 1)..] switch
        {
            "prim" => CheegerIsoSpanningTree.Prim,
            "boruvka" => CheegerIsoSpanningTree.Boruvka,
            _ => CheegerIsoSpanningTree.Auto,
        };
        _backend = backend switch
        {
            BackendNames.Ilgpu => new IlgpuIsoperimetric(IlgpuDevicePreference.Cuda, spanningTree: tree),
            BackendNames.NativeCuda => NativeIsoperimetric.Cuda(spanningTree: tree),
            _ => NativeIsoperimetric.Cpu(spanningTree: tree),
        };
        EndToEnd();
    }

    /// <summary>The whole pipeline once.</summary>
    [Benchmark]
    public IsoperimetricResult EndToEnd() => _backend.Run(_data, _options);

    /// <summary>Releases the device resources.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        (_backend as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
