namespace Cheeger.Clustering.KMeans;

/// <summary>
/// The working arrays of a <see cref="ParallelKMeans"/> run (the SIMD point blocks, the per-point labels and the
/// per-chunk results), kept by the backend from one run to the next. They only grow, so repeated runs of the same
/// or a smaller shape allocate only their results: fresh arrays (28 MB for 10⁶ points, k = 40) cost every call a
/// gen-2 collection and the zeroing of memory that is overwritten anyway. Arrays may be longer than a run needs;
/// every user reads and writes only its own length.
/// </summary>
internal sealed class KMeansBuffers
{
    private double[] _blocks = [];
    private long[] _labels = [];
    private int[] _chunkChanges = [];
    private double[] _chunkInertia = [];
    private double[] _chunkDeltaSums = [];
    private int[] _chunkDeltaCounts = [];

    /// <summary>At least <paramref name="length"/> doubles for <see cref="PointBlocks"/>.</summary>
    public double[] Blocks(long length) => AtLeast(ref _blocks, length);

    /// <summary>At least <paramref name="length"/> labels.</summary>
    public long[] Labels(long length) => AtLeast(ref _labels, length);

    /// <summary>At least <paramref name="chunks"/> change counts.</summary>
    public int[] ChunkChanges(long chunks) => AtLeast(ref _chunkChanges, chunks);

    /// <summary>At least <paramref name="chunks"/> inertia sums.</summary>
    public double[] ChunkInertia(long chunks) => AtLeast(ref _chunkInertia, chunks);

    /// <summary>At least <paramref name="length"/> delta sums.</summary>
    public double[] ChunkDeltaSums(long length) => AtLeast(ref _chunkDeltaSums, length);

    /// <summary>At least <paramref name="length"/> delta counts.</summary>
    public int[] ChunkDeltaCounts(long length) => AtLeast(ref _chunkDeltaCounts, length);

    // Uninitialised: every user writes the part it reads before reading it.
    private static T[] AtLeast<T>(ref T[] array, long length)
    {
        if (array.Length < length) array = GC.AllocateUninitializedArray<T>(checked((int)length));
        return array;
    }
}
