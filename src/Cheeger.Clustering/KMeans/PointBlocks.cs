using Cheeger.Clustering.Threading;
namespace Cheeger.Clustering.KMeans;

/// <summary>
/// The points re-laid for SIMD: blocks of <c>lanes</c> consecutive points, each block stored dimension by
/// dimension (<c>[block][dimension][lane]</c>), so one vector load brings coordinate j of <c>lanes</c> points.
/// The last block is padded with copies of the last point (finite values whose results are ignored). Filled
/// chunk by chunk, in parallel, once per run.
/// </summary>
internal sealed class PointBlocks : IChunkWork
{
    private readonly ReadOnlyMemory<double> _points;
    private readonly int _n;
    private readonly int _d;
    private readonly int _lanes;

    /// <summary>
    /// The layout for n points of d coordinates (row-major <paramref name="points"/>), in <paramref name="buffers"/>
    /// when given (their contents are overwritten), else in a new array.
    /// </summary>
    public PointBlocks(ReadOnlyMemory<double> points, int n, int d, int lanes, KMeansBuffers? buffers = null)
    {
        _points = points;
        _n = n;
        _d = d;
        _lanes = lanes;
        BlockCount = (n + lanes - 1) / lanes;
        long length = (long)BlockCount * d * lanes;
        Values = buffers?.Blocks(length) ?? new double[length];
    }

    /// <summary>Number of blocks, ⌈n / lanes⌉.</summary>
    public int BlockCount { get; }

    /// <summary>
    /// The re-laid coordinates: point i, dimension j is at ((i / lanes)·d + j)·lanes + i % lanes (the array may be
    /// longer than <see cref="BlockCount"/>·d·lanes).
    /// </summary>
    public double[] Values { get; }

    /// <summary>Copies the rows of one <see cref="KMeansChunk"/> (and, for the last chunk, fills the padding).</summary>
    public void Execute(int chunk)
    {
        ReadOnlySpan<double> points = _points.Span;
        int d = _d, lanes = _lanes;
        // A chunk starts on a block boundary (4096 is a multiple of every lane count); the last block may be partial.
        int firstBlock = chunk * (KMeansChunk.Rows / lanes);
        int endBlock = Math.Min(firstBlock + KMeansChunk.Rows / lanes, BlockCount);
        for (int b = firstBlock; b < endBlock; b++)
        {
            Span<double> block = Values.AsSpan(b * d * lanes, d * lanes);
            for (int l = 0; l < lanes; l++)
            {
                ReadOnlySpan<double> row = points.Slice(Math.Min(b * lanes + l, _n - 1) * d, d);
                for (int j = 0; j < d; j++) block[j * lanes + l] = row[j];
            }
        }
    }
}
