using System.Runtime.ExceptionServices;

namespace Cheeger.Clustering.Threading;

/// <summary>
/// The managed backends' worker threads: a fixed set of workers, worker 0 being the calling thread and workers
/// 1..Size−1 threads owned by the pool for its lifetime. A run either gives every worker the same body, split by
/// worker index (the workers synchronise inside it with <see cref="Barrier"/>), or deals chunks first come, first
/// served. Either way results must be stored by worker index or by chunk, never by thread, so they do not depend
/// on scheduling. A run allocates nothing, so an iterative method can run thousands of them without garbage.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly object _gate = new();
    private readonly Action<int> _drainChunks;
    private Action<int>? _body;
    private IChunkWork? _work;
    private int _chunkCount;
    private int _nextChunk;
    private int _generation;
    private int _busy;
    private bool _stopping;
    private Exception? _failure;

    /// <summary>Starts <paramref name="size"/> − 1 worker threads.</summary>
    public WorkerPool(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        Barrier = new SpinBarrier(size);
        _drainChunks = DrainChunks;   // made once: a chunked run then allocates no delegate
        _threads = new Thread[size];
        for (int w = 1; w < size; w++)
        {
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
        ArgumentNullException.ThrowIfNull(body);
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (Size == 1)
        {
            body(0);
            return;
        }
        lock (_gate)
        {
            _body = body;
            _failure = null;
            _busy = Size - 1;
            _generation++;
            Monitor.PulseAll(_gate);
        }
        Execute(body, 0);
        lock (_gate)
        {
            while (_busy > 0) Monitor.Wait(_gate);
            _body = null;
        }
        if (_failure is { } failure)
        {
            Barrier = new SpinBarrier(Size);
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// Runs every chunk 0..<paramref name="chunkCount"/>−1 of <paramref name="work"/> once, dealt to the workers as
    /// they come free, and returns when all are done; after a chunk fails no further chunk starts, and the first
    /// failure is rethrown.
    /// </summary>
    public void Run(IChunkWork work, int chunkCount)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_stopping, this);
        _work = work;
        _chunkCount = chunkCount;
        _nextChunk = 0;
        try
        {
            Run(_drainChunks);
        }
        finally
        {
            _work = null;
        }
    }

    /// <summary>Stops and joins the worker threads; a second call does nothing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping) return;
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        for (int w = 1; w < Size; w++) _threads[w].Join();
    }

    private void DrainChunks(int worker)
    {
        var work = _work!;
        int count = _chunkCount, chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < count) work.Execute(chunk);
    }

    private void Execute(Action<int> body, int worker)
    {
        try
        {
            body(worker);
        }
        catch (Exception e)
        {
            // The first real failure wins over the cancellations it causes in the other workers.
            lock (_gate)
            {
                if (_failure is null || (_failure is OperationCanceledException && e is not OperationCanceledException)) _failure = e;
            }
            Volatile.Write(ref _nextChunk, _chunkCount);   // a chunked run: hand out no more chunks
            Barrier.Abort();
        }
    }

    private void WorkerLoop(int worker)
    {
        int seen = 0;
        while (true)
        {
            Action<int> body;
            lock (_gate)
            {
                while (_generation == seen && !_stopping) Monitor.Wait(_gate);
                if (_stopping) return;
                seen = _generation;
                body = _body!;
            }
            Execute(body, worker);
            lock (_gate)
            {
                if (--_busy == 0) Monitor.PulseAll(_gate);
            }
        }
    }
}
