using System.Globalization;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using Microsoft.Extensions.Logging;

namespace Cheeger.Gpu;

/// <summary>
/// An ILGPU context (with ILGPU.Algorithms enabled) and the one accelerator chosen from it by a
/// <see cref="IlgpuDevicePreference"/>, with a one-line description of that device.
/// </summary>
internal sealed class IlgpuDevice : IDisposable
{
    private readonly Context _context;

    private IlgpuDevice(Context context, Accelerator accelerator, string description)
    {
        _context = context;
        Accelerator = accelerator;
        Description = description;
    }

    /// <summary>The chosen accelerator.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>Which device this is, e.g. "CUDA: NVIDIA H100 80GB HBM3, SM_90, 79.1 GiB".</summary>
    public string Description { get; }

    /// <summary>True when the accelerator is a CUDA device.</summary>
    public bool IsCuda => Accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <summary>
    /// Opens the device a backend asks for and loads the backend's kernels and buffers on it with
    /// <paramref name="load"/>: <paramref name="availability"/> names the device, or says why there is none (logged
    /// once as a warning); a load that throws closes the device again. Null when there is no device.
    /// </summary>
    /// <exception cref="ClusteringInputException"><paramref name="preference"/> is not a known value.</exception>
    public static (IlgpuDevice Device, TLoaded Loaded)? OpenForBackend<TLoaded>(
        IlgpuDevicePreference preference, ILogger? logger, Func<Accelerator, TLoaded> load, out BackendAvailability availability)
    {
        if (!Enum.IsDefined(preference))
            throw new ClusteringInputException($"device {(int)preference} is not a known ILGPU device (auto, cpu, cuda).");
        var device = Open(preference, out string unavailableReason);
        if (device is null)
        {
            availability = BackendAvailability.Unavailable(unavailableReason);
            logger?.LogWarning("ilgpu backend unavailable: {Reason}", unavailableReason);
            return null;
        }
        TLoaded loaded;
        try
        {
            loaded = load(device.Accelerator);
        }
        catch
        {
            device.Dispose();
            throw;
        }
        availability = BackendAvailability.Available(device.Description);
        logger?.LogInformation("ilgpu backend uses {Device}", device.Description);
        return (device, loaded);
    }

    /// <summary>
    /// Opens the accelerator <paramref name="preference"/> asks for; null, with the reason in
    /// <paramref name="unavailableReason"/>, when that device does not exist here.
    /// </summary>
    public static IlgpuDevice? Open(IlgpuDevicePreference preference, out string unavailableReason)
    {
        unavailableReason = "";
        var context = Context.Create(builder => builder.Default().EnableAlgorithms());
        try
        {
            string cpuReason = "forced by the device option";
            if (preference != IlgpuDevicePreference.Cpu)
            {
                var cudaDevices = context.GetCudaDevices();
                if (cudaDevices.Count == 0)
                {
                    cpuReason = "no CUDA device";
                    if (preference == IlgpuDevicePreference.Cuda)
                    {
                        unavailableReason = "no CUDA device: ILGPU found none (no NVIDIA GPU or no CUDA driver on this machine).";
                        context.Dispose();
                        return null;
                    }
                }
                else
                {
                    try
                    {
                        var cuda = (CudaAccelerator)cudaDevices[0].CreateAccelerator(context);
                        return new IlgpuDevice(context, cuda, DescribeCuda(cuda));
                    }
                    catch (Exception e) when (e is CudaException or AcceleratorException or InvalidOperationException or NotSupportedException)
                    {
                        cpuReason = $"the CUDA device could not be opened: {e.Message}";
                        if (preference == IlgpuDevicePreference.Cuda)
                        {
                            unavailableReason = $"no usable CUDA device: {e.Message}";
                            context.Dispose();
                            return null;
                        }
                    }
                }
            }
            var cpu = context.GetCPUDevice(0).CreateAccelerator(context);
            return new IlgpuDevice(context, cpu, DescribeCpu(cpu, cpuReason));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private static string DescribeCuda(CudaAccelerator cuda) => string.Create(CultureInfo.InvariantCulture,
        $"CUDA: {cuda.Name}, {cuda.Architecture}, {cuda.MemorySize / (1024.0 * 1024 * 1024):F1} GiB");

    private static string DescribeCpu(Accelerator cpu, string reason) => string.Create(CultureInfo.InvariantCulture,
        $"CPU accelerator ({reason}; {cpu.NumMultiprocessors} simulated multiprocessor(s), {cpu.MaxNumThreadsPerGroup} threads per group)");

    /// <inheritdoc/>
    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
