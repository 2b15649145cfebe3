namespace Cheeger.Interop;

/// <summary>A native context: a backend, a host thread count and reusable buffers. Dispose it to destroy the context.</summary>
public sealed class NativeContext : IDisposable
{
    private NativeContext(CheegerContextHandle handle, CheegerBackend backend, int requestedThreads, int threads)
    {
        Handle = handle;
        Backend = backend;
        RequestedThreads = requestedThreads;
        Threads = threads;
    }

    /// <summary>The owned native handle; pass <see cref="CheegerContextHandle.Acquire"/>'s context to raw calls.</summary>
    public CheegerContextHandle Handle { get; }

    /// <summary>The backend the context runs on (<see cref="CheegerBackend.Auto"/> resolved by the library).</summary>
    public CheegerBackend Backend { get; }

    /// <summary>The host thread count asked for at creation (0 = every hardware thread).</summary>
    public int RequestedThreads { get; }

    /// <summary>The host thread count the context runs on (0 at creation resolved by the library).</summary>
    public int Threads { get; }

    /// <summary>Creates a context on <paramref name="backend"/> with <paramref name="threads"/> host threads (0 = all).</summary>
    /// <exception cref="CheegerNativeException">The library refused: a negative thread count, CUDA not compiled in, no device, ...</exception>
    /// <exception cref="NativeLibraryNotFoundException">libcheeger could not be loaded.</exception>
    public static unsafe NativeContext Create(CheegerBackend backend, int threads)
    {
        CheegerContextHandle handle = CheegerContextHandle.Create(backend, threads);
        try
        {
            CheegerBackend resolvedBackend;
            int resolvedThreads;
            using (CheegerContextHandle.Lease lease = handle.Acquire())
            {
                NativeStatus.Check(NativeMethods.ContextBackend(lease.Context, &resolvedBackend));
                NativeStatus.Check(NativeMethods.ContextThreads(lease.Context, &resolvedThreads));
            }
            return new NativeContext(handle, resolvedBackend, threads, resolvedThreads);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the progress of the context's isoperimetric calls (the stage, the part of it done in [0, 1]) to
    /// <paramref name="handler"/>, on the calling thread, until the subscription is disposed; call its
    /// <see cref="NativeProgressSubscription.ThrowIfFailed"/> after each call to surface what the handler threw.
    /// </summary>
    /// <exception cref="CheegerNativeException">The library refused.</exception>
    /// <exception cref="ObjectDisposedException">The context was destroyed.</exception>
    public NativeProgressSubscription ReportProgress(Action<CheegerIsoStage, double> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return NativeProgressSubscription.Start(this, handler);
    }

    /// <summary>Destroys the native context (once; later calls do nothing).</summary>
    public void Dispose() => Handle.Dispose();
}
