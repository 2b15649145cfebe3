namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// d²(a, b) = Σ_j (a_j − b_j)², accumulated in dimension order in double precision (spec §2.2). The JIT does
/// not contract the multiply and add into an FMA, so every managed path that sums in this order gets the
/// same bits; the SIMD paths keep one point per lane to preserve the order.
/// </summary>
public static class SquaredDistance
{
    /// <summary>The squared Euclidean distance between two rows of equal length.</summary>
    public static double Between(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
