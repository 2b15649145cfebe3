using BenchmarkDotNet.Attributes;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;

namespace Cheeger.Benchmarks;

/// <summary>
/// The spanning-tree algorithms at scale (<see cref="IsoperimetricOptions.SpanningTree"/>: Prim and the kd-tree
/// Borůvka; the brute-force Borůvka is out of reach at these sizes, see below) on native-cpu and managed parallel,
/// on uniform points in [0, 1)^D (<see cref="SyntheticData.Uniform"/>) and on 20 Gaussian blobs
/// (<see cref="SyntheticData.Clustered"/>), both from a fixed seed, at n = 1e5 (D = 2, 3, 5, 10), n = 1e6
/// (D = 2, 3, 5) and n = 1e7 (D = 2, native-cpu only: managed parallel's kd-tree took 7.6 s at 1e6, D = 2, and
/// would take some ten times that).
/// <para>
/// Two benchmarks per case. <see cref="EndToEnd"/>: the whole pipeline, k = 10, spec defaults otherwise, all cores;
/// it also records the backend's own spanning-tree phase (the "tree ms (in run)" metric, <see cref="TreePhaseDiagnoser"/>).
/// <see cref="SpanningTree"/>: the tree stage alone, output arrays included. On native-cpu that is the C API's one
/// tree-only call, <c>cheeger_iso_mst</c> (<see cref="CheegerIsoperimetric.MinimumSpanningTree"/>), with the case's
/// algorithm. On managed parallel it is the backend's own stages (<see cref="IIsoperimetricStages.SpanningTree"/>), every algorithm.
/// </para>
/// <para>
/// Which cases (<see cref="Measured"/>; the configuration's filter drops the rest of the parameters' product, so
/// no case fails for being impossible): the kd-tree everywhere; Prim, O(n²D), at n = 1e5 only (the tree of 2e4
/// points in D = 10 took 0.62 s native and 0.79 s managed on the 2-core VM, so 1e5 points take some 25 times that,
/// and 1e6 would take 100 times more again). The brute-force Borůvka is left out: every one of its rounds is O(n²D),
/// and already at n = 2e4, D = 2 its tree took 30 s native and 11 s managed (same VM, load 5), so at n = 1e5 it
/// would run for minutes on either backend, not well under one.
/// </para>
/// <para>
/// Job (<see cref="SpanningTreeScaleConfig"/>, a mutator, so it holds whatever <c>--job</c> says, under that job's name):
/// BenchmarkDotNet's <c>RunStrategy.Monitoring</c> with one launch, no warm-up and one measured iteration of one
/// call, so every time is a single run. That call is the case's first on its input; the global setup runs the
/// pipeline once, unmeasured, on a <see cref="WarmUpPoints"/>-point sample of it first, which compiles the managed
/// code. In process, with a time limit of <see cref="SpanningTreeScaleConfig.CaseTimeout"/> per case.
/// </para>
/// <para>
/// Peak memory (<see cref="PeakMemoryDiagnoser"/>, "peak B/point"): native allocations are invisible to
/// <c>MemoryDiagnoser</c>, so the case reads the process's peak resident set: on BenchmarkDotNet's BeforeActualRun
/// signal a full compacting collection and glibc's <c>malloc_trim</c> return both heaps' free memory (which the call
/// would otherwise reuse without raising the resident set), then "5" written to
/// <c>/proc/self/clear_refs</c> resets the peak (<c>VmHWM</c>) to the current resident set; on AfterActualRun
/// <c>VmHWM</c> is read from <c>/proc/self/status</c>. The metric is the rise of the peak over the resident set at
/// the reset, per point: what the measured call needed beyond the runtime and the input (8·D bytes per point, not
/// counted). The backend (native context, managed stages) is created in the iteration setup, after the reset, so
/// that its buffers count. Linux, in-process runs only.
/// </para>
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.Scale)]
[Config(typeof(SpanningTreeScaleConfig))]
public class SpanningTreeScaleBenchmarks : IDisposable
{
    /// <summary>Clusters of the end-to-end runs.</summary>
    public const int K = 10;

    /// <summary>Points of the global setup's unmeasured run (a sample of the input), which compiles the managed code.</summary>
    public const int WarmUpPoints = 20_000;

    // One data set at a time, shared by consecutive cases of the same input (1e7 points in D = 2 are 160 MB).
    private static Dataset? s_data;

    private Dataset _data = null!;
    private SpanningTreeAlgorithm _algorithm;
    private IsoperimetricOptions _options = null!;
    private IIsoperimetricBackend? _backend;
    private NativeContext? _nativeContext;
    private IIsoperimetricStages? _stages;

    /// <summary>The input: uniform in [0, 1)^D or 20 Gaussian blobs.</summary>
    [Params("uniform", "clustered")]
    public string Data { get; set; } = "";

    /// <summary>Number of points.</summary>
    [Params(100_000, 1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Dimension.</summary>
    [Params(2, 3, 5, 10)]
    public int D { get; set; }

    /// <summary>The spanning-tree algorithm, as the options and the command line spell it.</summary>
    [ParamsSource(nameof(Trees))]
    public string Tree { get; set; } = "";

    /// <summary>The backend measured.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "";

    /// <summary>Prim, Borůvka and the kd-tree (not <c>Auto</c>, which is one of them).</summary>
    public static IEnumerable<string> Trees =>
        Enum.GetValues<SpanningTreeAlgorithm>().Where(a => a != SpanningTreeAlgorithm.Auto).Select(SpanningTreeChoice.NameOf);

    /// <summary>native-cpu and managed parallel, where they can run.</summary>
    public static IEnumerable<string> Backends =>
        BenchmarkBackends.Available(ClusteringMethod.Isoperimetric).Where(b => b is BackendNames.NativeCpu or BackendNames.Parallel);

    /// <summary>Whether the suite measures this combination of its parameters (both benchmarks alike).</summary>
    public static bool Measured(int n, int d, string tree, string backend)
    {
        bool size = n switch
        {
            100_000 => d is 2 or 3 or 5 or 10,
            1_000_000 => d is 2 or 3 or 5,
            10_000_000 => d == 2 && backend == BackendNames.NativeCpu,
            _ => false,
        };
        var algorithm = Enum.Parse<SpanningTreeAlgorithm>(tree, ignoreCase: true);
        bool affordable = algorithm switch
        {
            SpanningTreeAlgorithm.Kdtree => true,
            SpanningTreeAlgorithm.Prim => n <= 100_000,
            SpanningTreeAlgorithm.Boruvka => false, // minutes at the smallest size here (see above)
            _ => false,
        };
        return size && affordable;
    }

    /// <summary>Generates the input (or keeps the previous case's when it is the same).</summary>
    [GlobalSetup]
    public void Setup()
    {
        string name = $"{Data}-{N}x{D}";
        if (s_data?.Name != name)
        {
            s_data = null; // let the previous input go before the next is made
            s_data = Data switch
            {
                "uniform" => SyntheticData.Uniform(N, D),
                "clustered" => SyntheticData.Clustered(N, D),
                _ => throw new ArgumentException($"Unknown input '{Data}'."),
            };
        }
        _data = s_data;
        _algorithm = Enum.Parse<SpanningTreeAlgorithm>(Tree, ignoreCase: true);
        _options = new IsoperimetricOptions { K = K, SpanningTree = _algorithm };
        // The measured call is the case's first: compile the managed code (and touch the native library) before it.
        IIsoperimetricBackend warmUp = BenchmarkBackends.Isoperimetric(Backend);
        try
        {
            warmUp.Run(_data.Sample(Math.Min(N, WarmUpPoints), seed: 1), _options);
        }
        finally
        {
            (warmUp as IDisposable)?.Dispose();
        }
    }

    /// <summary>A new backend per call, so that its native context and buffers count in its peak memory.</summary>
    [IterationSetup(Target = nameof(EndToEnd))]
    public void CreateBackend() => _backend = BenchmarkBackends.Isoperimetric(Backend);

    /// <summary>A new native context or managed stages per call, for the same reason.</summary>
    [IterationSetup(Target = nameof(SpanningTree))]
    public void CreateTreeStage()
    {
        if (Backend == BackendNames.NativeCpu)
        {
            NativeLibraryLoader.Load();
            _nativeContext = NativeContext.Create(CheegerBackend.Cpu, _options.EffectiveWorkers);
        }
        else
        {
            _stages = new ParallelIsoperimetricStages(ParallelIsoperimetric.WorkersFor(_data, _options), LevelTreeDecider.DefaultMinParallelWidth,
                ParallelIsoperimetricStages.DefaultMinSubtreeSplitCount);
        }
    }

    /// <summary>The whole pipeline once.</summary>
    [Benchmark]
    public IsoperimetricResult EndToEnd()
    {
        IsoperimetricResult result = _backend!.Run(_data, _options);
        TreePhaseDiagnoser.Record(result.Timings["mst"] * 1000);
        return result;
    }

    /// <summary>The spanning tree alone, its output arrays included.</summary>
    [Benchmark]
    public int SpanningTree()
    {
        if (_nativeContext is { } context)
        {
            var tree = CheegerIsoTreeArrays.Allocate(N);
            CheegerIsoperimetric.MinimumSpanningTree(context, _data.Points.Span, D, tree, (CheegerIsoSpanningTree)_algorithm);
            return tree.Order[^1];
        }
        return _stages!.SpanningTree(_data, _algorithm, progress: null, CancellationToken.None).Order[^1];
    }

    /// <summary>Releases the call's backend, native context or stages.</summary>
    [IterationCleanup]
    public void ReleaseBackend()
    {
        (_backend as IDisposable)?.Dispose();
        _nativeContext?.Dispose();
        _stages?.Dispose();
        (_backend, _nativeContext, _stages) = (null, null, null);
    }

    /// <summary>Releases what a failed call left.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        ReleaseBackend();
        GC.SuppressFinalize(this);
    }
}
