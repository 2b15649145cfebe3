using System.Runtime.CompilerServices;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Interop;

/// <summary>Every context the safe layer creates is destroyed exactly once, by Dispose or by the finalizer.</summary>
[Collection(NativeContextCollection.Name)]
public sealed class ContextLifetimeTests
{
    [Fact]
    public void ContextsCreatedAndDisposedInALoopLeaveNoneAlive()
    {
        Requirements.NativeLibrary();
        Assert.Equal(0, CheegerLibrary.LiveContextCount);

        for (int i = 0; i < 200; i++)
        {
            using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, threads: 1 + i % 3);
            Assert.Equal(1, CheegerLibrary.LiveContextCount);
            Assert.Equal(CheegerBackend.Cpu, context.Backend);
            Assert.Equal(1 + i % 3, context.Threads);
        }

        Assert.Equal(0, CheegerLibrary.LiveContextCount);
    }

    [Fact]
    public void ZeroThreadsResolvesToEveryHardwareThread()
    {
        Requirements.NativeLibrary();

        using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, threads: 0);

        Assert.Equal(0, context.RequestedThreads);
        Assert.Equal(CheegerLibrary.Capabilities().HardwareThreads, context.Threads);
    }

    [Fact]
    public void DisposingTwiceDestroysOnce()
    {
        Requirements.NativeLibrary();
        NativeContext context = NativeContext.Create(CheegerBackend.Cpu, 0);
        Assert.Equal(1, CheegerLibrary.LiveContextCount);

        context.Dispose();
        context.Dispose();

        Assert.Equal(0, CheegerLibrary.LiveContextCount);
        Assert.Throws<ObjectDisposedException>(() => context.Handle.Acquire());
    }

    [Fact]
    public void ForgottenContextsAreDestroyedByTheFinalizer()
    {
        Requirements.NativeLibrary();
        CreateAndForget(10);
        Assert.Equal(10, CheegerLibrary.LiveContextCount);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(0, CheegerLibrary.LiveContextCount);
    }

    [Fact]
    public void AutoResolvesToABackendTheLibraryHas()
    {
        Requirements.NativeLibrary();
        CheegerCapabilities capabilities = CheegerLibrary.Capabilities();

        using NativeContext context = NativeContext.Create(CheegerBackend.Auto, 0);

        CheegerBackend expected = capabilities.HasBackend(CheegerBackendFlag.Cuda) && capabilities.CudaDeviceCount > 0
            ? CheegerBackend.Cuda
            : CheegerBackend.Cpu;
        Assert.Equal(expected, context.Backend);
    }

    [Fact]
    public void ACudaContextWithoutCudaIsRefusedAsUnsupported()
    {
        Requirements.NativeLibrary();
        CheegerCapabilities capabilities = CheegerLibrary.Capabilities();
        if (capabilities.HasBackend(CheegerBackendFlag.Cuda) && capabilities.CudaDeviceCount > 0)
            Assert.Skip($"This machine has CUDA ({capabilities.CudaDeviceName}).");

        var error = Assert.Throws<CheegerNativeException>(() => NativeContext.Create(CheegerBackend.Cuda, 0));

        Assert.Equal(CheegerStatus.Unsupported, error.Status);
        Assert.Equal(0, CheegerLibrary.LiveContextCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CreateAndForget(int count)
    {
        for (int i = 0; i < count; i++) NativeContext.Create(CheegerBackend.Cpu, 1);
    }
}
