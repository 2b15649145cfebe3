namespace Cheeger.Clustering.KMeans;

/// <summary>Work split into independent chunks; <see cref="WorkerGang"/> runs each chunk exactly once, on any thread.</summary>
internal interface IChunkWork
{
    /// <summary>Processes chunk <paramref name="chunk"/>. Chunks must not depend on each other or on which thread runs them.</summary>
    void Execute(int chunk);
}
