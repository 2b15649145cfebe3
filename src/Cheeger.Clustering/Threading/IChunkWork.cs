namespace Cheeger.Clustering.Threading;

/// <summary>Work split into independent chunks; <see cref="WorkerPool.Run(IChunkWork, int)"/> runs each chunk exactly once, on any worker.</summary>
internal interface IChunkWork
{
    void Execute(int chunk);
}
