namespace Cheeger.Clustering.KMeans;

/// <summary>
/// The fixed work split of the parallel k-means backends: points are processed in chunks of <see cref="Rows"/>
/// consecutive rows, whatever the worker count, so that per-chunk partial sums merged in chunk order give the
/// same bits on every run. The size is the contract's <c>CHEEGER_KMEANS_CHUNK_ROWS</c>, which every backend shares.
/// </summary>
internal static class KMeansChunk
{
    /// <summary>Rows per chunk (a multiple of every SIMD lane count, so a vector block never spans two chunks).</summary>
    public const int Rows = Cheeger.Interop.CheegerConstants.KMeansChunkRows;

    /// <summary>Number of chunks that cover <paramref name="n"/> rows.</summary>
    public static int Count(int n) => (int)(((long)n + Rows - 1) / Rows);
}
