namespace Cheeger.Benchmarks;

/// <summary>The median the metrics report (of an even count: the mean of the middle two).</summary>
public static class Median
{
    /// <summary>The median of <paramref name="values"/>, or null when there are none.</summary>
    public static double? Of(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0) return null;
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
