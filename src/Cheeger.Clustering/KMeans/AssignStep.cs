using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.KMeans;

/// <summary>
/// The assignment half of one parallel k-means pass, chunk by chunk (<see cref="KMeansChunk"/>). For each block
/// of points (<see cref="PointBlocks"/>) it finds every point's nearest centroid with SIMD (one vector holds one
/// coordinate of several points, so each point's d² is summed in dimension order exactly as in the serial loop),
/// then, in point order, adds the d² to the chunk's inertia and, for each point whose cluster changed, counts the
/// change and moves the point's coordinates between the chunk's delta sums/counts (subtract from the old cluster,
/// add to the new). Everything a chunk produces is stored under its index, so the merge in chunk order
/// (<see cref="ParallelKMeans"/>) does not depend on the threads that ran the chunks.
/// </summary>
/// <remarks>
/// Memory: the per-chunk deltas take k·d doubles per 4096 rows, i.e. k/4096 times the size of the data.
/// </remarks>
internal sealed class AssignStep : IChunkWork
{
    private readonly ReadOnlyMemory<double> _points;
    private readonly double[] _blocks;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly LaneWidth _width;
    private readonly long[] _clusterIndex;

    /// <summary>Takes every buffer a run needs from <paramref name="buffers"/>; nothing is allocated per pass.</summary>
    public AssignStep(ReadOnlyMemory<double> points, PointBlocks blocks, int n, int d, int k, LaneWidth width, KMeansBuffers buffers)
    {
        _points = points;
        _blocks = blocks.Values;
        _n = n;
        _d = d;
        _k = k;
        _width = width;
        _clusterIndex = new long[k];
        for (int c = 0; c < k; c++) _clusterIndex[c] = c;
        int chunks = KMeansChunk.Count(n);
        Centroids = new double[k * d];
        long paddedRows = (long)blocks.BlockCount * LaneWidths.Lanes(width); // whole blocks
        Labels = buffers.Labels(paddedRows);
        Labels.AsSpan(0, (int)paddedRows).Fill(-1L);
        ChunkChanges = buffers.ChunkChanges(chunks);
        ChunkInertia = buffers.ChunkInertia(chunks);
        SumStride = Padded(k * d, entriesPerLine: 8);
        CountStride = Padded(k, entriesPerLine: 16);
        ChunkDeltaSums = buffers.ChunkDeltaSums((long)chunks * SumStride);
        ChunkDeltaCounts = buffers.ChunkDeltaCounts((long)chunks * CountStride);
    }

    /// <summary>
    /// Entries from one chunk's deltas to the next: <paramref name="length"/> rounded up to whole 64-byte lines plus
    /// one line. Two chunks run at once on different cores write their deltas point by point; with the gap their
    /// entries never share a cache line (the array itself need not be line-aligned), so no core waits for a line
    /// the other one holds.
    /// </summary>
    internal static int Padded(int length, int entriesPerLine) => (length + entriesPerLine - 1) / entriesPerLine * entriesPerLine + entriesPerLine;

    /// <summary>Doubles from one chunk's delta sums to the next chunk's (at least k·d).</summary>
    public int SumStride { get; }

    /// <summary>Ints from one chunk's delta counts to the next chunk's (at least k).</summary>
    public int CountStride { get; }

    /// <summary>The centroids of the previous pass (k·d, row-major); read-only while a step runs.</summary>
    public double[] Centroids { get; }

    /// <summary>
    /// Current cluster of every point (−1 before the first pass), 64-bit so that a vector of labels has as many
    /// lanes as a vector of doubles; padded to whole blocks (the padding lanes mean nothing).
    /// </summary>
    public long[] Labels { get; }

    /// <summary>Points that changed cluster, per chunk.</summary>
    public int[] ChunkChanges { get; }

    /// <summary>Σ d² of each point to its nearest centroid, per chunk, summed in point order.</summary>
    public double[] ChunkInertia { get; }

    /// <summary>Per chunk, k·d deltas of the running sums, accumulated in point order (chunk c's at c·<see cref="SumStride"/>).</summary>
    public double[] ChunkDeltaSums { get; }

    /// <summary>Per chunk, k deltas of the running counts (chunk c's at c·<see cref="CountStride"/>).</summary>
    public int[] ChunkDeltaCounts { get; }

    /// <inheritdoc />
    public void Execute(int chunk)
    {
        switch (_width)
        {
            case LaneWidth.Vector512: AssignChunk<Lanes512, Vector512<double>, Vector512<long>>(chunk); break;
            case LaneWidth.Vector256: AssignChunk<Lanes256, Vector256<double>, Vector256<long>>(chunk); break;
            default: AssignChunk<ScalarLane, double, long>(chunk); break;
        }
    }

    private void AssignChunk<TOps, TV, TL>(int chunk)
        where TOps : struct, ILaneOps<TV, TL> where TV : struct where TL : struct
    {
        int lanes = TOps.Width;
        int d = _d, k = _k;
        int first = chunk * KMeansChunk.Rows;
        int end = Math.Min(first + KMeansChunk.Rows, _n);
        ReadOnlySpan<double> points = _points.Span;
        Span<double> deltaSums = ChunkDeltaSums.AsSpan(chunk * SumStride, k * d);
        Span<int> deltaCounts = ChunkDeltaCounts.AsSpan(chunk * CountStride, k);
        deltaSums.Clear();
        deltaCounts.Clear();
        ref double centroids = ref MemoryMarshal.GetArrayDataReference(Centroids);
        ref long clusterIndex = ref MemoryMarshal.GetArrayDataReference(_clusterIndex);
        ref double blocks = ref MemoryMarshal.GetArrayDataReference(_blocks);
        ref long labels = ref MemoryMarshal.GetArrayDataReference(Labels);
        Span<double> laneD2 = stackalloc double[8];
        Span<long> lanePrevious = stackalloc long[8];
        Span<long> laneNearest = stackalloc long[8];

        int changes = 0;
        double inertia = 0;
        // first is a multiple of 4096, hence of the lane count: blocks never straddle chunks.
        for (int i0 = first; i0 < end; i0 += lanes)
        {
            ref double block = ref Unsafe.Add(ref blocks, (nint)(i0 / lanes) * d * lanes);
            TV best;
            TL nearest;
            if (d == 2) NearestInBlock2D<TOps, TV, TL>(ref block, ref centroids, ref clusterIndex, k, out best, out nearest);
            else NearestInBlock<TOps, TV, TL>(ref block, ref centroids, ref clusterIndex, k, d, out best, out nearest);

            // In point order, so that the sums do not depend on the lane width.
            int count = Math.Min(lanes, end - i0);
            TOps.Store(best, ref laneD2[0]);
            for (int l = 0; l < count; l++) inertia += laneD2[l];

            ref long blockLabels = ref Unsafe.Add(ref labels, i0);
            TL previous = TOps.LoadIndex(ref blockLabels);
            uint changed = ~TOps.EqualLanes(nearest, previous) & ((1u << count) - 1);
            if (changed == 0) continue;
            TOps.StoreIndex(previous, ref lanePrevious[0]);
            TOps.StoreIndex(nearest, ref laneNearest[0]);
            TOps.StoreIndex(nearest, ref blockLabels);
            do
            {
                int l = BitOperations.TrailingZeroCount(changed);
                changed &= changed - 1;
                ReadOnlySpan<double> x = points.Slice((i0 + l) * d, d);
                int from = (int)lanePrevious[l], to = (int)laneNearest[l];
                changes++;
                if (from >= 0)
                {
                    deltaCounts[from]--;
                    Span<double> sum = deltaSums.Slice(from * d, d);
                    for (int j = 0; j < d; j++) sum[j] -= x[j];
                }
                deltaCounts[to]++;
                Span<double> target = deltaSums.Slice(to * d, d);
                for (int j = 0; j < d; j++) target[j] += x[j];
            }
            while (changed != 0);
        }
        ChunkChanges[chunk] = changes;
        ChunkInertia[chunk] = inertia;
    }

    /// <summary>
    /// For each point of a block: the nearest centroid (strict &lt;, so on a tie the smaller index stays) and its
    /// d², summed in dimension order without FMA as the serial loop does: ((0 + δ₀²) + δ₁²) + …, and 0 + δ₀² = δ₀².
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NearestInBlock<TOps, TV, TL>(ref double block, ref double centroids, ref long clusterIndex, int k, int d,
        out TV best, out TL nearest)
        where TOps : struct, ILaneOps<TV, TL> where TV : struct where TL : struct
    {
        best = SquaredDistances<TOps, TV, TL>(ref block, ref centroids, d);
        nearest = TOps.BroadcastIndex(0);
        for (int c = 1; c < k; c++)
        {
            TV d2 = SquaredDistances<TOps, TV, TL>(ref block, ref Unsafe.Add(ref centroids, c * d), d);
            nearest = TOps.SelectIndex(TOps.LessThan(d2, best), TOps.BroadcastIndex(Unsafe.Add(ref clusterIndex, c)), nearest);
            best = TOps.Min(d2, best);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SquaredDistances<TOps, TV, TL>(ref double block, ref double centroid, int d)
        where TOps : struct, ILaneOps<TV, TL> where TV : struct where TL : struct
    {
        TV diff = TOps.Subtract(TOps.Load(ref block), TOps.Broadcast(centroid));
        TV sum = TOps.Multiply(diff, diff);
        for (int j = 1; j < d; j++)
        {
            diff = TOps.Subtract(TOps.Load(ref Unsafe.Add(ref block, j * TOps.Width)), TOps.Broadcast(Unsafe.Add(ref centroid, j)));
            sum = TOps.Add(sum, TOps.Multiply(diff, diff));
        }
        return sum;
    }

    /// <summary><see cref="NearestInBlock{TOps, TV, TL}"/> for d = 2, with both coordinates kept in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NearestInBlock2D<TOps, TV, TL>(ref double block, ref double centroids, ref long clusterIndex, int k,
        out TV best, out TL nearest)
        where TOps : struct, ILaneOps<TV, TL> where TV : struct where TL : struct
    {
        TV x = TOps.Load(ref block);
        TV y = TOps.Load(ref Unsafe.Add(ref block, TOps.Width));
        TV dx = TOps.Subtract(x, TOps.Broadcast(centroids));
        TV dy = TOps.Subtract(y, TOps.Broadcast(Unsafe.Add(ref centroids, 1)));
        best = TOps.Add(TOps.Multiply(dx, dx), TOps.Multiply(dy, dy));
        nearest = TOps.BroadcastIndex(0);
        for (int c = 1; c < k; c++)
        {
            dx = TOps.Subtract(x, TOps.Broadcast(Unsafe.Add(ref centroids, 2 * c)));
            dy = TOps.Subtract(y, TOps.Broadcast(Unsafe.Add(ref centroids, 2 * c + 1)));
            TV d2 = TOps.Add(TOps.Multiply(dx, dx), TOps.Multiply(dy, dy));
            nearest = TOps.SelectIndex(TOps.LessThan(d2, best), TOps.BroadcastIndex(Unsafe.Add(ref clusterIndex, c)), nearest);
            best = TOps.Min(d2, best);
        }
    }
}
