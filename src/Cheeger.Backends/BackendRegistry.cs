using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;
using Cheeger.Gpu;
using Cheeger.Gpu.Isoperimetric;
using Cheeger.Native;


namespace Cheeger.Backends;

/// <summary>
/// Every backend of Cheeger, registered once: its name, the methods it implements and a factory for each. The
/// command line, <c>compare</c>, the benchmarks and the tests enumerate this list; a C# application can too
/// (<see cref="Survey"/> says which can run here, and why not).
/// </summary>
public static class BackendRegistry
{
    /// <summary>The reference backend every other one is compared with.</summary>
    public const string Reference = BackendNames.Serial;

    /// <summary>Every backend, in the order tables list them; the first is the reference.</summary>
    public static IReadOnlyList<BackendRegistration> All { get; } =
    [
        new(BackendNames.Serial, "managed, one thread: the reference",
            _ => new SerialKMeans(), _ => new SerialIsoperimetric(), BackendPlacement.Host),
        new(BackendNames.Parallel, "managed, every core, SIMD",
            _ => new ParallelKMeans(), _ => new ParallelIsoperimetric(), BackendPlacement.Host),
        new(BackendNames.Ilgpu, "ILGPU kernels on a CUDA device, else on the CPU accelerator",
            s => new IlgpuKMeans(s.Device, s.Logger), s => new IlgpuIsoperimetric(s.Device, s.Logger), BackendPlacement.Accelerator),
        new(BackendNames.NativeCpu, "the native C++ core on the CPU",
            s => NativeKMeans.Cpu(s.Logger), s => NativeIsoperimetric.Cpu(s.Logger), BackendPlacement.Host),
        new(BackendNames.NativeCuda, "the native core's CUDA kernels",
            s => NativeKMeans.Cuda(s.Logger), s => NativeIsoperimetric.Cuda(s.Logger), BackendPlacement.Gpu, OffersSinglePrecision: true),
    ];

    /// <summary>
    /// The order automatic selection tries, fastest first; managed parallel always runs, so one is always found.
    /// ILGPU counts only on a CUDA device (on the CPU accelerator it is a simulator, slower than parallel), so it is
    /// asked for CUDA outright: without a GPU that fails at once instead of compiling kernels for the CPU, and without
    /// the logger, since passing over it is no warning.
    /// </summary>
    public static IReadOnlyList<(string Name, BackendSettings Settings)> AutoPreference(BackendSettings settings) =>
    [
        (BackendNames.NativeCuda, settings),
        (BackendNames.Ilgpu, Find(BackendNames.Ilgpu).OnGpu(settings) with { Logger = null }),
        (BackendNames.NativeCpu, settings),
        (BackendNames.Parallel, settings),
    ];

    /// <summary>The names of <see cref="All"/>, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.Name)];

    /// <summary>The backend named <paramref name="name"/>.</summary>
    /// <exception cref="ClusteringInputException">No backend has that name; the message lists those that do.</exception>
    public static BackendRegistration Find(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new ClusteringInputException($"Unknown backend '{name}'; expected {BackendSet.Auto}, {string.Join(", ", Names)}.");

    /// <summary>Every backend and method with whether it can run here (and if not, why).</summary>
    public static IReadOnlyList<BackendStatus> Survey(BackendSettings? settings = null) =>
        [.. All.SelectMany(r => Enum.GetValues<ClusteringMethod>().Select(m => new BackendStatus(r, m, r.Availability(m, settings))))];
}

/// <summary>Whether one registered backend can run one method here.</summary>
/// <param name="Registration">The backend.</param>
/// <param name="Method">The method.</param>
/// <param name="Availability">Available with the device or library it uses, or unavailable with the reason.</param>
public sealed record BackendStatus(BackendRegistration Registration, ClusteringMethod Method, BackendAvailability Availability);
