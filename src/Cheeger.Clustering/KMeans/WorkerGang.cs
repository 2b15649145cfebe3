using System.Runtime.ExceptionServices;

namespace Cheeger.Clustering.KMeans;

/// <summary>
/// A fixed set of threads that run <see cref="IChunkWork"/> steps, one step at a time, with the calling thread
/// taking part. Unlike <c>Parallel.For</c>, running a step allocates nothing, so an iterative algorithm can run
/// thousands of steps without garbage. Chunks are handed out dynamically (first come, first served); results
/// must therefore be stored per chunk, never per thread.
/// </summary>
internal sealed class WorkerGang : IDisposable
{
    private readonly Thread[] _helpers;
    private readonly object _gate = new();
    private IChunkWork? _work;
    private int _chunkCount;
    private int _nextChunk;
    private int _generation;
    private int _helpersBusy;
    private bool _stopping;
    private Exception? _failure;

    /// <summary>Starts <paramref name="workers"/> − 1 helper threads (the caller of <see cref="Run"/> is the last worker).</summary>
    public WorkerGang(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _helpers = new Thread[workers - 1];
        for (int t = 0; t < _helpers.Length; t++)
        {
            _helpers[t] = new Thread(HelperLoop) { IsBackground = true, Name = $"cheeger-worker-{t + 1}" };
            _helpers[t].Start();
        }
    }

    /// <summary>Number of threads that work on a step, the caller included.</summary>
    public int Workers => _helpers.Length + 1;

    /// <summary>Runs every chunk 0..<paramref name="chunkCount"/>−1 of <paramref name="work"/> and returns when all are done.</summary>
    public void Run(IChunkWork work, int chunkCount)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (_helpers.Length == 0)
        {
            for (int c = 0; c < chunkCount; c++) work.Execute(c);
            return;
        }

        lock (_gate)
        {
            _work = work;
            _chunkCount = chunkCount;
            _nextChunk = 0;
            _failure = null;
            _helpersBusy = _helpers.Length;
            _generation++;
            Monitor.PulseAll(_gate);
        }
        Drain(work, chunkCount);
        lock (_gate)
        {
            while (_helpersBusy > 0) Monitor.Wait(_gate);
            _work = null;
        }
        if (_failure is not null) ExceptionDispatchInfo.Throw(_failure);
    }

    /// <summary>Stops and joins the helper threads.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping) return;
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var helper in _helpers) helper.Join();
    }

    private void Drain(IChunkWork work, int chunkCount)
    {
        try
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < chunkCount) work.Execute(chunk);
        }
        catch (Exception e)
        {
            lock (_gate) _failure ??= e;
            Volatile.Write(ref _nextChunk, chunkCount); // the step failed: hand out no more chunks
        }
    }

    private void HelperLoop()
    {
        int seen = 0;
        while (true)
        {
            IChunkWork work;
            int chunkCount;
            lock (_gate)
            {
                while (_generation == seen && !_stopping) Monitor.Wait(_gate);
                if (_stopping) return;
                seen = _generation;
                work = _work!;
                chunkCount = _chunkCount;
            }
            Drain(work, chunkCount);
            lock (_gate)
            {
                if (--_helpersBusy == 0) Monitor.PulseAll(_gate);
            }
        }
    }
}
