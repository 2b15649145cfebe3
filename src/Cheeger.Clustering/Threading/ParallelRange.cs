namespace Cheeger.Clustering.Threading;

/// <summary>
/// A loop over [0, count) cut into chunks of a fixed size for <see cref="WorkerPool.Run(IChunkWork, int)"/>: the body
/// gets one chunk's [begin, end). Made once and run many times (the count may change between runs), so a run
/// allocates nothing.
/// </summary>
internal sealed class ParallelRange(Action<int, int> body, int chunkSize) : IChunkWork
{
    private int _count;

    /// <summary>Runs the body over [0, <paramref name="count"/>) on <paramref name="pool"/> (one chunk: on the calling thread).</summary>
    public void Run(WorkerPool pool, int count)
    {
        int chunks = (count + chunkSize - 1) / chunkSize;
        if (chunks <= 1 || pool.Size == 1)
        {
            if (count > 0) body(0, count);
            return;
        }
        _count = count;
        pool.Run(this, chunks);
    }

    /// <inheritdoc/>
    public void Execute(int chunk)
    {
        int begin = chunk * chunkSize;
        body(begin, Math.Min(_count, begin + chunkSize));
    }
}
