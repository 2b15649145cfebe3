using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Algorithms.ScanReduceOperations;

namespace Cheeger.Gpu.KMeans;

/// <summary>
/// The device kernels of one k-means pass. Every buffer is row-major like <c>Dataset</c>: point i is
/// [i·d, i·d + d), centroid c is [c·d, c·d + d). Labels are −1 before the first pass.
/// </summary>
internal static class KMeansKernels
{
    /// <summary>Rows per chunk: the unit of the deterministic sum update, the same as every parallel backend's.</summary>
    public const int ChunkRows = Cheeger.Interop.CheegerConstants.KMeansChunkRows;

    /// <summary>Threads per group of <see cref="AccumulateChunkDeltas"/> at most.</summary>
    public const int MaxGroupSize = 256;

    /// <summary>
    /// One thread per point: the nearest of the previous centroids (first minimum wins), whether it differs
    /// from the point's current label, and its squared distance (for the inertia of the last pass).
    /// </summary>
    public static void Assign<TArithmetic>(
        Index1D i,
        ArrayView<double> points,
        ArrayView<double> centroids,
        ArrayView<int> labels,
        ArrayView<int> nextLabels,
        ArrayView<int> changed,
        ArrayView<double> distances,
        int d,
        int k)
        where TArithmetic : struct, IDeviceArithmetic
    {
        int row = i * d;
        int best = 0;
        double bestDistance = SquaredDistance<TArithmetic>(points, row, centroids, 0, d);
        for (int c = 1; c < k; c++)
        {
            double distance = SquaredDistance<TArithmetic>(points, row, centroids, c * d, d);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }
        nextLabels[i] = best;
        changed[i] = best != labels[i] ? 1 : 0;
        distances[i] = bestDistance;
    }

    /// <summary>
    /// One group per chunk of <see cref="ChunkRows"/> rows: the chunk's delta of the per-cluster sums and counts,
    /// from its changed points in point order (a changed point is subtracted from its old cluster, unless it
    /// had none, and added to its new one). First the group lists the chunk's changed rows, in order, in shared
    /// memory: each thread counts the changes in its own run of consecutive rows, a group-wide exclusive scan
    /// of those counts gives each run its place in the list. Then thread t owns the delta entries t, t + G, ...
    /// of the k·d sums followed by the k counts and accumulates each one in a register over the whole list:
    /// one thread per entry, in point order, so no atomics and the same rounding as a serial walk over the
    /// chunk. Every entry of the chunk's partial is written, zero when nothing changed.
    /// </summary>
    public static void AccumulateChunkDeltas(
        ArrayView<double> points,
        ArrayView<int> labels,
        ArrayView<int> nextLabels,
        ArrayView<double> chunkSums,
        ArrayView<int> chunkCounts,
        int n,
        int d,
        int k)
    {
        var changedRows = SharedMemory.Allocate<int>(ChunkRows);
        var changedTotal = SharedMemory.Allocate<int>(1);

        int chunk = Grid.IdxX;
        int thread = Group.IdxX;
        int groupSize = Group.DimX;
        int chunkStart = chunk * ChunkRows;
        int chunkEnd = Math.Min(chunkStart + ChunkRows, n);
        int runLength = (ChunkRows + groupSize - 1) / groupSize;
        int runStart = Math.Min(chunkStart + thread * runLength, chunkEnd);
        int runEnd = Math.Min(runStart + runLength, chunkEnd);

        int runChanges = 0;
        for (int i = runStart; i < runEnd; i++)
        {
            if (labels[i] != nextLabels[i]) runChanges++;
        }
        int slot = GroupExtensions.ExclusiveScan<int, AddInt32>(runChanges);
        for (int i = runStart; i < runEnd; i++)
        {
            if (labels[i] != nextLabels[i]) changedRows[slot++] = i;
        }
        if (thread == groupSize - 1) changedTotal[0] = slot;
        Group.Barrier();
        int changed = changedTotal[0];

        int kd = k * d;
        for (int e = thread; e < kd + k; e += groupSize)
        {
            if (e < kd)
            {
                int c = e / d;
                int j = e - c * d;
                double sum = 0.0;
                for (int s = 0; s < changed; s++)
                {
                    int i = changedRows[s];
                    if (nextLabels[i] == c) sum += points[i * d + j];
                    else if (labels[i] == c) sum -= points[i * d + j];
                }
                chunkSums[chunk * kd + e] = sum;
            }
            else
            {
                int c = e - kd;
                int count = 0;
                for (int s = 0; s < changed; s++)
                {
                    int i = changedRows[s];
                    if (nextLabels[i] == c) count++;
                    else if (labels[i] == c) count--;
                }
                chunkCounts[chunk * k + c] = count;
            }
        }
    }

    /// <summary>
    /// One thread per sum entry (the k·d sums, then the k counts): adds the chunk deltas to the running value
    /// in chunk order, so the result does not depend on how chunks were scheduled.
    /// </summary>
    public static void MergeChunkDeltas(
        Index1D e,
        ArrayView<double> chunkSums,
        ArrayView<int> chunkCounts,
        ArrayView<double> sums,
        ArrayView<int> counts,
        int chunks,
        int kd,
        int k)
    {
        if (e < kd)
        {
            double sum = sums[e];
            for (int chunk = 0; chunk < chunks; chunk++) sum += chunkSums[chunk * kd + e];
            sums[e] = sum;
        }
        else
        {
            int c = e - kd;
            int count = counts[c];
            for (int chunk = 0; chunk < chunks; chunk++) count += chunkCounts[chunk * k + c];
            counts[c] = count;
        }
    }

    /// <summary>
    /// One thread per cluster: centroid = sum / count, and how far it moved (Euclidean). An empty cluster keeps
    /// its previous centroid and moves 0.
    /// </summary>
    public static void UpdateCentroids<TArithmetic>(
        Index1D c,
        ArrayView<double> sums,
        ArrayView<int> counts,
        ArrayView<double> centroids,
        ArrayView<double> movements,
        int d)
        where TArithmetic : struct, IDeviceArithmetic
    {
        TArithmetic arithmetic = default;
        int count = counts[c];
        double moved = 0;
        if (count > 0)
        {
            for (int j = 0; j < d; j++)
            {
                int at = c * d + j;
                double next = sums[at] / count;
                double diff = next - centroids[at];
                moved = arithmetic.Add(moved, arithmetic.Multiply(diff, diff));
                centroids[at] = next;
            }
        }
        movements[c] = Math.Sqrt(moved);
    }

    /// <summary>Σ_j (a_j − b_j)² over <paramref name="d"/> coordinates, in dimension order.</summary>
    private static double SquaredDistance<TArithmetic>(ArrayView<double> a, int aOffset, ArrayView<double> b, int bOffset, int d)
        where TArithmetic : struct, IDeviceArithmetic
    {
        TArithmetic arithmetic = default;
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double diff = a[aOffset + j] - b[bOffset + j];
            sum = arithmetic.Add(sum, arithmetic.Multiply(diff, diff));
        }
        return sum;
    }
}
