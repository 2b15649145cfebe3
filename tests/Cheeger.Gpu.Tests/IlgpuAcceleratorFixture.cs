namespace Cheeger.Gpu.Tests;

/// <summary>
/// One <see cref="IlgpuKMeans"/> (one accelerator, its kernels and buffers) shared by all tests of a collection.
/// Tests on a device that is not here are skipped with the backend's reason, never passed silently.
/// </summary>
public abstract class IlgpuAcceleratorFixture(IlgpuDevicePreference device) : IDisposable
{
    private readonly IlgpuKMeans _backend = new(device);

    /// <summary>The shared backend; skips the calling test when its device is not available here.</summary>
    public IlgpuKMeans Backend
    {
        get
        {
            if (!_backend.Availability.IsAvailable) Assert.Skip(_backend.Availability.Reason);
            return _backend;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The ILGPU CPU accelerator, present everywhere.</summary>
public sealed class CpuAcceleratorFixture() : IlgpuAcceleratorFixture(IlgpuDevicePreference.Cpu);

/// <summary>The first CUDA device, when there is one.</summary>
public sealed class CudaAcceleratorFixture() : IlgpuAcceleratorFixture(IlgpuDevicePreference.Cuda);
