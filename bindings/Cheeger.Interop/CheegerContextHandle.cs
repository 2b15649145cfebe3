using System.Runtime.InteropServices;

namespace Cheeger.Interop;

/// <summary>Owns a native <c>cheeger_context</c>; releasing it calls <c>cheeger_context_destroy</c> exactly once.</summary>
public sealed class CheegerContextHandle : SafeHandle
{
    /// <summary>An empty handle, filled by <see cref="Create"/>.</summary>
    public CheegerContextHandle() : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <summary>Creates a context on <paramref name="backend"/> with <paramref name="threads"/> host threads (0 = all).</summary>
    /// <exception cref="CheegerNativeException">The library refused (unknown backend, CUDA not compiled in, no device, ...).</exception>
    public static unsafe CheegerContextHandle Create(CheegerBackend backend, int threads)
    {
        NativeLibraryLoader.Load();
        var owner = new CheegerContextHandle();
        CheegerContext created;
        NativeStatus.Check(NativeMethods.ContextCreate(backend, threads, &created));
        owner.SetHandle(created.Handle);
        return owner;
    }

    /// <summary>
    /// The raw context for one call, with the handle kept alive until the lease is disposed, so a concurrent
    /// <see cref="SafeHandle.Dispose()"/> cannot destroy the context under a running call.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle was already released.</exception>
    public Lease Acquire()
    {
        bool added = false;
        DangerousAddRef(ref added);
        return new Lease(this);
    }

    /// <summary>A raw context kept alive for the duration of a <c>using</c> block.</summary>
    public readonly ref struct Lease
    {
        private readonly CheegerContextHandle _owner;

        internal Lease(CheegerContextHandle owner)
        {
            _owner = owner;
            Context = new CheegerContext(owner.handle);
        }

        /// <summary>The raw context to pass to <see cref="NativeMethods"/>.</summary>
        public CheegerContext Context { get; }

        /// <summary>Lets the handle be released again.</summary>
        public void Dispose() => _owner.DangerousRelease();
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle() => NativeMethods.ContextDestroy(new CheegerContext(handle)) == CheegerStatus.Ok;
}
