using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;
using Cheeger.Gpu;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// One backend the contracts run on, as the registry creates it: an accelerator backend (ilgpu) once on the CPU
/// accelerator and once on CUDA, every other once. A target that cannot run here is skipped with its reason, or
/// fails where the environment requires it (<see cref="Requirements"/>).
/// </summary>
public sealed record ConformanceTarget(string Label, BackendRegistration Registration, BackendSettings Settings)
{
    /// <summary>Every target the registry gives, in registry order.</summary>
    public static IReadOnlyList<ConformanceTarget> All { get; } =
    [
        .. BackendRegistry.All.SelectMany(r => r.Placement == BackendPlacement.Accelerator
            ? new[]
            {
                new ConformanceTarget($"{r.Name}-cpu", r, new BackendSettings(Device: IlgpuDevicePreference.Cpu)),
                new ConformanceTarget($"{r.Name}-cuda", r, new BackendSettings(Device: IlgpuDevicePreference.Cuda)),
            }
            : [new ConformanceTarget(r.Name, r, new BackendSettings())]),
    ];

    /// <summary>The labels of the targets that implement <paramref name="method"/>.</summary>
    public static IEnumerable<string> Implementing(ClusteringMethod method) =>
        All.Where(t => t.Registration.Implements(method)).Select(t => t.Label);

    /// <summary>The target labelled <paramref name="label"/>.</summary>
    public static ConformanceTarget Named(string label) => All.Single(t => t.Label == label);

    /// <summary>
    /// The most rows a data set has on the ILGPU CPU accelerator, a GPU simulator far slower than the managed
    /// backends: a larger one is a seeded random sample of this many rows (as skin_segmentation is for every backend).
    /// </summary>
    public const int CpuAcceleratorMaxRows = 2000;

    /// <summary>Whether it runs on the ILGPU CPU accelerator.</summary>
    public bool RunsOnCpuAccelerator => Registration.Placement == BackendPlacement.Accelerator && Settings.Device == IlgpuDevicePreference.Cpu;

    /// <summary><paramref name="data"/> as this target runs it: sampled to <see cref="CpuAcceleratorMaxRows"/> rows on the CPU accelerator.</summary>
    public Dataset Sized(Dataset data) => RunsOnCpuAccelerator && data.Count > CpuAcceleratorMaxRows
        ? data.Select(KMeansInitializer.SampleRows(data.Count, CpuAcceleratorMaxRows, seed: CpuAcceleratorMaxRows), $"{data.Name}_{CpuAcceleratorMaxRows}")
        : data;

    /// <summary>The worker counts it is checked on: an accelerator backend has no workers (one run suffices).</summary>
    public IReadOnlyList<int> WorkerCounts => Registration.Placement == BackendPlacement.Accelerator ? [1] : ConformanceData.WorkerCounts;

    /// <summary>Whether it needs a CUDA device.</summary>
    public bool NeedsCuda => Registration.Placement == BackendPlacement.Gpu || Settings.Device == IlgpuDevicePreference.Cuda;

    /// <summary>Whether its arithmetic is the managed reference's own code (serial, parallel): then it agrees bit for bit.</summary>
    public bool SharesManagedArithmetic => Registration.Name is BackendNames.Serial or BackendNames.Parallel;

    /// <summary>A new isoperimetric backend of this target; skips (or fails, see <see cref="Requirements"/>) when it cannot run here.</summary>
    public IIsoperimetricBackend Isoperimetric() => Available(Registration.Isoperimetric!(Settings));

    /// <summary>A new k-means backend of this target; skips (or fails) when it cannot run here.</summary>
    public IKMeansBackend KMeans() => Available(Registration.KMeans!(Settings));

    private TBackend Available<TBackend>(TBackend backend) where TBackend : IClusteringBackend
    {
        if (backend.Availability.IsAvailable) return backend;
        string reason = backend.Availability.Reason;
        (backend as IDisposable)?.Dispose();
        Requirements.SkipUnavailable(this, reason);
        return backend;
    }

    /// <inheritdoc />
    public override string ToString() => Label;
}
