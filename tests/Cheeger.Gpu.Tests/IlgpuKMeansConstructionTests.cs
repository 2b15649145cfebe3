using Cheeger.Clustering;

namespace Cheeger.Gpu.Tests;

/// <summary>What the constructor accepts and how the backend describes its device.</summary>
public sealed class IlgpuKMeansConstructionTests
{
    [Fact]
    public void An_unknown_device_preference_is_an_input_error()
    {
        var error = Assert.Throws<ClusteringInputException>(() => new IlgpuKMeans((IlgpuDevicePreference)9));
        Assert.StartsWith("device 9 is not a known ILGPU device", error.Message);
    }

    [Fact]
    public void Cpu_preference_always_opens_the_cpu_accelerator()
    {
        using var backend = new IlgpuKMeans(IlgpuDevicePreference.Cpu);

        Assert.True(backend.Availability.IsAvailable);
        Assert.False(backend.UsesCuda);
        Assert.StartsWith("CPU accelerator (forced", backend.Availability.Reason);
    }

    [Fact]
    public void Auto_preference_uses_cuda_exactly_when_a_cuda_device_is_present()
    {
        using var cuda = new IlgpuKMeans(IlgpuDevicePreference.Cuda);
        using var auto = new IlgpuKMeans(IlgpuDevicePreference.Auto);

        Assert.True(auto.Availability.IsAvailable);
        Assert.Equal(cuda.Availability.IsAvailable, auto.UsesCuda);
        if (!cuda.Availability.IsAvailable)
        {
            Assert.StartsWith("no CUDA device", cuda.Availability.Reason);
            Assert.Equal("CPU accelerator (no CUDA device; ", auto.Availability.Reason[..33]);
        }
    }

    [Fact]
    public void Running_on_an_unavailable_device_is_an_input_error_with_the_reason()
    {
        using var cuda = new IlgpuKMeans(IlgpuDevicePreference.Cuda);
        if (cuda.Availability.IsAvailable) Assert.Skip("a CUDA device is present, so the cuda preference is available");

        var data = RandomData.IntegerGrid(4, 1, 3, seed: 1);
        var error = Assert.Throws<ClusteringInputException>(() => cuda.Run(data, new Clustering.KMeans.KMeansOptions { K = 1 }, [0.0], TestContext.Current.CancellationToken));
        Assert.Contains(cuda.Availability.Reason, error.Message);
    }

    [Fact]
    public void Disposed_backend_refuses_to_run()
    {
        var backend = new IlgpuKMeans(IlgpuDevicePreference.Cpu);
        backend.Dispose();
        backend.Dispose(); // twice is fine

        var data = RandomData.IntegerGrid(4, 1, 3, seed: 1);
        Assert.Throws<ObjectDisposedException>(() => backend.Run(data, new Clustering.KMeans.KMeansOptions { K = 1 }, [0.0], TestContext.Current.CancellationToken));
    }
}
