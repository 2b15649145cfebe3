using System.Runtime.InteropServices;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Backend;

/// <summary>
/// Faults at the native boundary seen from the managed backend: an allocation that fails inside the library
/// (through the test-only hook of cheeger_testing.h) becomes one <see cref="CheegerNativeException"/> carrying the
/// library's message, the process survives, and the same backend and context run the next call correctly.
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeFaultTests
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate CheegerStatus ArmAllocationFailure(long successes);

    // cheeger_testing_fail_allocation_after is test-only, so the generated bindings do not carry it.
    private static ArmAllocationFailure FailAllocationAfter(LoadedNativeLibrary library) =>
        Marshal.GetDelegateForFunctionPointer<ArmAllocationFailure>(NativeLibrary.GetExport(library.Handle, "cheeger_testing_fail_allocation_after"));

    private static readonly Dataset Blobs = new(
        Enumerable.Range(0, 600).Select(i => (double)(i % 2 == 0 ? i / 2 % 3 * 10 : i % 7)).ToArray(), 300, 2, name: "blobs");

    [Fact]
    public void A_failed_native_allocation_is_an_exception_with_the_bytes_and_the_backend_keeps_working()
    {
        var library = Requirements.NativeLibrary();
        var arm = FailAllocationAfter(library);
        var options = new KMeansOptions { K = 3, Workers = 1, Seed = 4 };
        double[] initial = KMeansInitializer.InitialCentroids(Blobs, options);
        var reference = new SerialKMeans().Run(Blobs, options, initial, TestContext.Current.CancellationToken);
        using NativeKMeans backend = NativeKMeans.Cpu();
        long contextsBefore = CheegerLibrary.LiveContextCount;

        // The backend's context is created on the first run, so the hook hits a buffer of the k-means workspace.
        Assert.Equal(CheegerStatus.Ok, arm(0));
        var error = Assert.Throws<CheegerNativeException>(() => backend.Run(Blobs, options, initial, TestContext.Current.CancellationToken));
        Assert.Equal(CheegerStatus.Ok, arm(-1));

        Assert.Equal(CheegerStatus.OutOfMemory, error.Status);
        Assert.Matches("^cheeger_kmeans_run: could not allocate [0-9]+ bytes for the k-means ", error.NativeMessage);
        Assert.Contains(error.NativeMessage, error.Message);

        var result = backend.Run(Blobs, options, initial, TestContext.Current.CancellationToken);
        Assert.Equal(reference.Labels, result.Labels);
        Assert.Equal(reference.Centroids, result.Centroids);
        Assert.Equal(contextsBefore + 1, CheegerLibrary.LiveContextCount); // the backend's one context, not leaked twice
    }

    [Fact]
    public void Every_allocation_of_a_native_run_may_fail_without_harm()
    {
        var library = Requirements.NativeLibrary();
        var arm = FailAllocationAfter(library);
        var options = new KMeansOptions { K = 4, Workers = 2, Seed = 9 };
        double[] initial = KMeansInitializer.InitialCentroids(Blobs, options);
        var reference = new SerialKMeans().Run(Blobs, options, initial, TestContext.Current.CancellationToken);
        long contextsBefore = CheegerLibrary.LiveContextCount;

        int failures = 0;
        for (long successes = 0; successes < 64; successes++)
        {
            using NativeKMeans backend = NativeKMeans.Cpu(); // a fresh context grows every buffer again
            Assert.Equal(CheegerStatus.Ok, arm(successes));
            try
            {
                var result = backend.Run(Blobs, options, initial, TestContext.Current.CancellationToken);
                Assert.Equal(reference.Labels, result.Labels);
                break; // no allocation was left to fail
            }
            catch (CheegerNativeException e) when (e.Status == CheegerStatus.OutOfMemory)
            {
                failures++;
                Assert.Equal(reference.Labels, backend.Run(Blobs, options, initial, TestContext.Current.CancellationToken).Labels);
            }
            finally
            {
                arm(-1);
            }
        }

        Assert.InRange(failures, 8, 63);
        Assert.Equal(contextsBefore, CheegerLibrary.LiveContextCount);
    }
}
