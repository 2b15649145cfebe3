using Cheeger.Clustering.Backends;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Backend;

public sealed class NativeKMeansAvailabilityTests
{
    [Fact]
    public void NamesAreTheCommandLineNames()
    {
        using NativeKMeans cpu = NativeKMeans.Cpu();
        using NativeKMeans cuda = NativeKMeans.Cuda();

        Assert.Equal("native-cpu", cpu.Name);
        Assert.Equal("native-cuda", cuda.Name);
    }

    [Fact]
    public void CpuIsAvailableWhenTheLibraryLoadsAndSaysWhichOne()
    {
        LoadedNativeLibrary library = Requirements.NativeLibrary();
        using NativeKMeans cpu = NativeKMeans.Cpu();

        BackendAvailability availability = cpu.Availability;

        Assert.True(availability.IsAvailable, availability.Reason);
        Assert.Contains(library.Path, availability.Reason);
    }

    [Fact]
    public void CudaAvailabilityFollowsTheCapabilitiesAndGivesAReason()
    {
        Requirements.NativeLibrary();
        CheegerCapabilities capabilities = CheegerLibrary.Capabilities();
        using NativeKMeans cuda = NativeKMeans.Cuda();

        BackendAvailability availability = cuda.Availability;

        if (!capabilities.HasBackend(CheegerBackendFlag.Cuda))
        {
            Assert.False(availability.IsAvailable);
            Assert.Contains("without CUDA", availability.Reason);
        }
        else if (capabilities.CudaDeviceCount == 0)
        {
            Assert.False(availability.IsAvailable);
            Assert.Contains("no CUDA device", availability.Reason);
        }
        else
        {
            Assert.True(availability.IsAvailable, availability.Reason);
            Assert.Contains(capabilities.CudaDeviceName.ToString(), availability.Reason);
        }
    }
}
