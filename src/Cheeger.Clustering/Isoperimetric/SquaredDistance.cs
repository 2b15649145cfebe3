using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// <see cref="Between(ReadOnlySpan{double}, ReadOnlySpan{double})"/> on d values from each reference, unchecked,
    /// with the differences and squares two dimensions at a time (SIMD) and the squares added one by one in dimension
    /// order: the same operations on the same values, so the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Between(ref double a, ref double b, int d)
    {
        double sum = 0;
        int j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; j + 2 <= d; j += 2)
            {
                var diff = Vector128.LoadUnsafe(ref a, (nuint)j) - Vector128.LoadUnsafe(ref b, (nuint)j);
                var square = diff * diff;
                sum += square.GetElement(0);
                sum += square.GetElement(1);
            }
        }
        for (; j < d; j++)
        {
            double diff = Unsafe.Add(ref a, j) - Unsafe.Add(ref b, j);
            sum += diff * diff;
        }
        return sum;
    }
}
