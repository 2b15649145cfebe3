using System.Runtime.ExceptionServices;

namespace Cheeger.Clustering.Isoperimetric.Threading;

/// <summary>
/// A fixed set of worker threads that run one body together: worker 0 is the calling thread, workers
/// 1..Size−1 are threads owned by the team and kept for its lifetime. Inside a body the workers synchronise
/// with <see cref="Barrier"/>. Work is split by worker index only, so results never depend on scheduling.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _start;
    private readonly ManualResetEventSlim _finished = new(false);
    private Action<int>? _body;
    private int _pending;
    private Exception? _failure;
    private volatile bool _disposed;

    /// <summary>Starts <paramref name="size"/> − 1 worker threads.</summary>
    public WorkerTeam(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        Barrier = new SpinBarrier(size);
        _start = new SemaphoreSlim[size];
        _threads = new Thread[size];
        for (int w = 1; w < size; w++)
        {
            _start[w] = new SemaphoreSlim(0);
            int index = w;
            _threads[w] = new Thread(() => WorkerLoop(index)) { IsBackground = true, Name = $"cheeger-worker-{w}" };
            _threads[w].Start();
        }
    }

    /// <summary>Number of workers, the calling thread included.</summary>
    public int Size { get; }

    /// <summary>The barrier every worker of a body passes together.</summary>
    public SpinBarrier Barrier { get; private set; }

    /// <summary>
    /// Runs <paramref name="body"/>(w) on every worker w = 0..Size−1 and returns when all are done. If a worker
    /// throws, the barrier is aborted so that no other worker waits forever, and the first exception is rethrown.
    /// </summary>
    public void Run(Action<int> body)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Size == 1)
        {
            body(0);
            return;
        }
        _body = body;
        _failure = null;
        _pending = Size - 1;
        _finished.Reset();
        for (int w = 1; w < Size; w++) _start[w].Release();
        Execute(0);
        _finished.Wait();
        _body = null;
        if (_failure is { } failure)
        {
            Barrier = new SpinBarrier(Size);
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private void Execute(int worker)
    {
        try
        {
            _body!(worker);
        }
        catch (Exception e)
        {
            // The first real failure wins over the cancellations it causes in the other workers.
            if (e is not OperationCanceledException) Interlocked.Exchange(ref _failure, e);
            else Interlocked.CompareExchange(ref _failure, e, null);
            Barrier.Abort();
        }
    }

    private void WorkerLoop(int worker)
    {
        while (true)
        {
            _start[worker].Wait();
            if (_disposed) return;
            Execute(worker);
            if (Interlocked.Decrement(ref _pending) == 0) _finished.Set();
        }
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        for (int w = 1; w < Size; w++) _start[w].Release();
        for (int w = 1; w < Size; w++) _threads[w].Join();
        for (int w = 1; w < Size; w++) _start[w].Dispose();
        _finished.Dispose();
    }
}
