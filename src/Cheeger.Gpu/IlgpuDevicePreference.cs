namespace Cheeger.Gpu;

/// <summary>Which ILGPU accelerator an ILGPU backend runs on.</summary>
public enum IlgpuDevicePreference
{
    /// <summary>The first CUDA device when one is present and usable, else the CPU accelerator.</summary>
    Auto = 0,

    /// <summary>Always the ILGPU CPU accelerator (a GPU simulator running on the host's cores).</summary>
    Cpu = 1,

    /// <summary>The first CUDA device; the backend is unavailable when there is none.</summary>
    Cuda = 2,
}
