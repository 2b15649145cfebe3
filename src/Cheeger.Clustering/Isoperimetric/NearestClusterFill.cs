using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The full labelling of spec §7.2: every outlier takes the label of its nearest clustered point (d² summed
/// in dimension order; ties to the smallest index). O(#outliers · #clustered · D); each outlier is independent.
/// </summary>
public static class NearestClusterFill
{
    /// <summary>The labels with every −1 replaced (serial reference). <paramref name="labels"/> needs at least one clustered point.</summary>
    public static int[] Fill(Dataset data, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        var full = labels.ToArray();
        for (int v = 0; v < full.Length; v++)
        {
            if (labels[v] >= 0) continue;
            var row = data.Row(v);
            int nearest = -1;
            double best = double.PositiveInfinity;
            for (int u = 0; u < full.Length; u++)
            {
                if (labels[u] < 0) continue;
                double d2 = SquaredDistance.Between(data.Row(u), row);
                if (nearest < 0 || d2 < best)
                {
                    best = d2;
                    nearest = u;
                }
            }
            full[v] = labels[nearest];
        }
        return full;
    }

    /// <summary>
    /// The same labels, with the outliers split over the pool and the clustered points scanned with SIMD, one
    /// point per lane (so each distance is summed in dimension order, exactly as in the serial scan).
    /// </summary>
    internal static int[] Fill(Dataset data, int[] labels, WorkerPool pool)
    {
        int n = data.Count, dim = data.Dimension;
        var outliers = new List<int>();
        var clustered = new List<int>();
        for (int v = 0; v < n; v++) (labels[v] < 0 ? outliers : clustered).Add(v);
        var full = (int[])labels.Clone();
        if (outliers.Count == 0) return full;

        // Clustered points dimension-major: coordinate j of clustered point i at [j·m + i].
        int m = clustered.Count;
        var columns = new double[dim * m];
        var points = data.Points.Span;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < dim; j++) columns[j * m + i] = points[clustered[i] * dim + j];
        }

        pool.Run(w =>
        {
            int begin = (int)((long)outliers.Count * w / pool.Size), end = (int)((long)outliers.Count * (w + 1) / pool.Size);
            for (int o = begin; o < end; o++)
            {
                int v = outliers[o];
                full[v] = labels[clustered[Nearest(columns, m, data.Row(v))]];
            }
        });
        return full;
    }

    /// <summary>The position (in the dimension-major block of m points) of the point nearest to <paramref name="x"/>; ties to the lowest position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // SIMD: unoptimised first-tier code is many times slower
    private static int Nearest(double[] columns, int m, ReadOnlySpan<double> x)
    {
        int dim = x.Length, width = Vector<double>.Count;
        ref double first = ref MemoryMarshal.GetArrayDataReference(columns);
        int best = -1;
        double bestD2 = double.PositiveInfinity;
        int i = 0;
        if (Vector.IsHardwareAccelerated && m >= width)
        {
            var minD2 = new Vector<double>(double.PositiveInfinity);
            var minAt = new Vector<long>(-1);
            var lane = LaneIndices();
            for (; i + width <= m; i += width)
            {
                var acc = Vector<double>.Zero;
                for (int j = 0; j < dim; j++)
                {
                    var diff = Vector.LoadUnsafe(ref first, (nuint)(j * m + i)) - new Vector<double>(x[j]);
                    acc += diff * diff;
                }
                var less = Vector.LessThan(acc, minD2);
                minD2 = Vector.ConditionalSelect(less, acc, minD2);
                minAt = Vector.ConditionalSelect(less, lane + new Vector<long>(i), minAt);
            }
            for (int l = 0; l < width; l++)
            {
                long at = minAt[l];
                if (at < 0) continue;
                if (best < 0 || minD2[l] < bestD2 || (minD2[l] == bestD2 && at < best))
                {
                    bestD2 = minD2[l];
                    best = (int)at;
                }
            }
        }
        for (; i < m; i++)
        {
            double acc = 0;
            for (int j = 0; j < dim; j++)
            {
                double diff = columns[j * m + i] - x[j];
                acc += diff * diff;
            }
            if (best < 0 || acc < bestD2)
            {
                bestD2 = acc;
                best = i;
            }
        }
        return best;
    }

    private static Vector<long> LaneIndices()
    {
        Span<long> lanes = stackalloc long[Vector<long>.Count];
        for (int l = 0; l < lanes.Length; l++) lanes[l] = l;
        return new Vector<long>(lanes);
    }
}
