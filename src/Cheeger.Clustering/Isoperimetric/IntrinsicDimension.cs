using Cheeger.Interop;
using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The intrinsic dimension of a point set, estimated from a small strided sample: what <see cref="SpanningTreeChoice"/>
/// asks when the ambient dimension alone would pick Prim (<c>cheeger.h</c>, <c>CHEEGER_ISO_DIMENSION_SAMPLE_*</c>).
/// </summary>
public static class IntrinsicDimension
{
    /// <summary>
    /// Levina and Bickel's maximum-likelihood estimate: for each of the sample's queries, the mean log ratio of its
    /// farthest to its nearer sampled neighbours; the estimate is the inverse of that mean over the queries. Queries
    /// with a duplicate among their neighbours carry no scale and are left out; NaN when every query is. About
    /// queries × references × d operations, whatever n; the native core's operations in its order, so the same bits.
    /// </summary>
    public static double Estimate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        const int neighbours = CheegerConstants.IsoDimensionSampleNeighbours;
        long n = data.Count;
        long queries = Math.Min(n, CheegerConstants.IsoDimensionSampleQueries);
        long references = Math.Min(n, CheegerConstants.IsoDimensionSampleReferences);
        double logRatioSum = 0;
        int used = 0;
        Span<double> nearest = stackalloc double[neighbours]; // squared distances, ascending
        for (long qi = 0; qi < queries; qi++)
        {
            int q = (int)(qi * n / queries);
            nearest.Fill(double.PositiveInfinity);
            for (long ri = 0; ri < references; ri++)
            {
                int r = (int)(ri * n / references);
                if (r == q) continue;
                double d2 = SquaredDistance.Between(data.Row(q), data.Row(r));
                if (!(d2 < nearest[neighbours - 1])) continue;
                int j = neighbours - 1;
                for (; j > 0 && nearest[j - 1] > d2; j--) nearest[j] = nearest[j - 1];
                nearest[j] = d2;
            }
            if (!(nearest[0] > 0) || !double.IsFinite(nearest[neighbours - 1])) continue;
            double logRatios = 0; // Σ log(r_k / r_j) = Σ log(r_k² / r_j²) / 2
            for (int j = 0; j + 1 < neighbours; j++) logRatios += Math.Log(nearest[neighbours - 1] / nearest[j]);
            logRatioSum += 0.5 * logRatios / (neighbours - 1);
            used++;
        }
        return used == 0 || !(logRatioSum > 0) ? double.NaN : used / logRatioSum;
    }
}
