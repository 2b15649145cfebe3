namespace Cheeger.Clustering.KMeans;

/// <summary>
/// What the managed k-means backends allocate for a run of n points, d features and k clusters, counted from
/// their arrays (in doubles, so that no size overflows), and the check that refuses a run that does not fit.
/// </summary>
internal static class KMeansMemory
{
    /// <summary>Bytes of <see cref="SerialKMeans"/>: labels, centroids, running sums and counts.</summary>
    public static double SerialBytes(int n, int d, int k) => 4.0 * n + 16.0 * k * d + 4.0 * k;

    /// <summary>
    /// Bytes of <see cref="ParallelKMeans"/>: the point blocks (a lane-padded copy of the points), the padded
    /// per-point labels and final labels, and per 4096-row chunk a delta of k·d sums and k counts, each padded to
    /// whole cache lines plus one (AssignStep).
    /// </summary>
    public static double ParallelBytes(int n, int d, int k)
    {
        double chunks = KMeansChunk.Count(n);
        double paddedRows = n + 8.0;
        return 8.0 * paddedRows * d + 8.0 * paddedRows + 4.0 * n
            + chunks * (8.0 * SumStride(k, d) + 4.0 * CountStride(k)) + chunks * 12.0
            + 24.0 * k * d + 12.0 * k;
    }

    // AssignStep's strides, in double so that k·d cannot overflow here.
    private static double SumStride(int k, int d) => Math.Ceiling((double)k * d / 8) * 8 + 8;

    private static double CountStride(int k) => Math.Ceiling(k / 16.0) * 16 + 16;

    /// <summary>Refuses a parallel run whose arrays exceed .NET's array limit or this process's memory.</summary>
    public static void RequireParallel(int n, int d, int k)
    {
        string purpose = $"k-means (parallel) of n = {n}, d = {d}, k = {k}";
        MemoryBudget.RequireArrayLength(KMeansChunk.Count(n) * SumStride(k, d), $"the per-chunk delta sums of {purpose}");
        MemoryBudget.Require(ParallelBytes(n, d, k), purpose);
    }

    /// <summary>Refuses a serial run that does not fit in this process's memory.</summary>
    public static void RequireSerial(int n, int d, int k) =>
        MemoryBudget.Require(SerialBytes(n, d, k), $"k-means (serial) of n = {n}, d = {d}, k = {k}");
}
