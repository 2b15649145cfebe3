using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Cheeger.Interop;

/// <summary>
/// A progress callback set on a native context until disposed (<c>cheeger_context_set_progress</c>): the library's
/// reports of the context's isoperimetric calls reach the handler on the thread that made the call. An exception the
/// handler throws must not cross into native code: it is kept, the call's later reports are dropped, and
/// <see cref="ThrowIfFailed"/> rethrows it once the call has returned.
/// </summary>
public sealed unsafe class NativeProgressSubscription : IDisposable
{
    private readonly NativeContext _context;
    private readonly Action<CheegerIsoStage, double> _handler;
    private GCHandle _self;
    private ExceptionDispatchInfo? _failure;

    private NativeProgressSubscription(NativeContext context, Action<CheegerIsoStage, double> handler)
    {
        _context = context;
        _handler = handler;
    }

    /// <summary>Sets <paramref name="handler"/> (the stage, the part of it done in [0, 1]) as <paramref name="context"/>'s progress callback.</summary>
    /// <exception cref="CheegerNativeException">The library refused.</exception>
    /// <exception cref="ObjectDisposedException">The context was destroyed.</exception>
    internal static NativeProgressSubscription Start(NativeContext context, Action<CheegerIsoStage, double> handler)
    {
        var subscription = new NativeProgressSubscription(context, handler);
        subscription._self = GCHandle.Alloc(subscription);
        try
        {
            subscription.Set(new CheegerProgressFn(&Report), (void*)GCHandle.ToIntPtr(subscription._self));
        }
        catch
        {
            subscription._self.Free();
            throw;
        }
        return subscription;
    }

    /// <summary>Rethrows, with its own stack trace, the first exception the handler threw (and forgets it); does nothing when none did.</summary>
    public void ThrowIfFailed()
    {
        var failure = _failure;
        _failure = null;
        failure?.Throw();
    }

    /// <summary>Clears the context's callback (unless the context is already destroyed) and releases the handler.</summary>
    public void Dispose()
    {
        if (!_self.IsAllocated) return;
        try
        {
            Set(default, null);
        }
        catch (ObjectDisposedException)
        {
            // The context is gone, and its callback with it.
        }
        finally
        {
            _self.Free();
        }
    }

    private void Set(CheegerProgressFn callback, void* userData)
    {
        using CheegerContextHandle.Lease lease = _context.Handle.Acquire();
        NativeStatus.Check(NativeMethods.ContextSetProgress(lease.Context, callback, userData));
    }

    [UnmanagedCallersOnly]
    private static void Report(void* userData, int stage, double fraction)
    {
        var self = (NativeProgressSubscription)GCHandle.FromIntPtr((nint)userData).Target!;
        if (self._failure is not null) return;
        try
        {
            self._handler((CheegerIsoStage)stage, fraction);
        }
        catch (Exception e)
        {
            self._failure = ExceptionDispatchInfo.Capture(e);
        }
    }
}
