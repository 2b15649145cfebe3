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

    /// <summary>Allocates the layout for n points of d coordinates (row-major <paramref name="points"/>).</summary>
    public PointBlocks(ReadOnlyMemory<double> points, int n, int d, int lanes)
    {
        _points = points;
        _n = n;
        _d = d;
        _lanes = lanes;
        BlockCount = (n + lanes - 1) / lanes;
        Values = new double[(long)BlockCount * d * lanes];
    }

    /// <summary>Number of blocks, ⌈n / lanes⌉.</summary>
    public int BlockCount { get; }

    /// <summary>The re-laid coordinates: point i, dimension j is at ((i / lanes)·d + j)·lanes + i % lanes.</summary>
    public double[] Values { get; }

    /// <summary>Copies the rows of one <see cref="KMeansChunk"/> (and, for the last chunk, fills the padding).</summary>
    public void Execute(int chunk)
    {
        ReadOnlySpan<double> points = _points.Span;
        int first = chunk * KMeansChunk.Rows;
        int end = Math.Min(first + KMeansChunk.Rows, _n);
        int paddedEnd = end == _n ? BlockCount * _lanes : end;
        for (int i = first; i < paddedEnd; i++)
        {
            int source = Math.Min(i, _n - 1) * _d;
            long target = (long)(i / _lanes) * _d * _lanes + i % _lanes;
            for (int j = 0; j < _d; j++) Values[target + (long)j * _lanes] = points[source + j];
        }
    }
}
