using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.KMeans;

/// <summary>The checks every k-means backend makes on its arguments before it starts.</summary>
public static class KMeansArguments
{
    /// <summary>
    /// Validates the options against the data and the initial centroids against k and d;
    /// <paramref name="offersSinglePrecision"/> says whether the backend can honour <see cref="KMeansPrecision.Single"/>.
    /// </summary>
    public static void Check(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids, bool offersSinglePrecision = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data);
        CheckPrecision(options, offersSinglePrecision);
        long expected = (long)options.K * data.Dimension;
        if (initialCentroids.Length != expected)
            throw new ClusteringInputException(
                $"{initialCentroids.Length} initial centroid values given, but k = {options.K} centroids of d = {data.Dimension} features need {expected}.");
        for (int i = 0; i < initialCentroids.Length; i++)
        {
            if (!double.IsFinite(initialCentroids[i]))
                throw new ClusteringInputException(
                    $"Initial centroid {i / data.Dimension + 1}, feature {i % data.Dimension + 1}: value {initialCentroids[i]} is not a finite number.");
        }
        CheckMagnitude(data, initialCentroids);
    }

    /// <summary>Refuses <see cref="KMeansPrecision.Single"/> on a backend that computes in double only.</summary>
    public static void CheckPrecision(KMeansOptions options, bool offersSinglePrecision)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Precision == KMeansPrecision.Single && !offersSinglePrecision)
            throw ClusteringInputException.ForOptions(o =>
                $"{o(nameof(KMeansOptions.Precision))} single is offered by native CUDA only; this backend computes in double.");
    }

    /// <summary>
    /// The largest |coordinate| k-means accepts for n points in d dimensions: √(MaxValue / (4·n·d)). Below it no
    /// running sum (at most n·M), squared distance (at most d·(2M)²) or inertia (at most n·d·(2M)²) overflows,
    /// so every backend computes with finite numbers and agrees with the reference.
    /// </summary>
    public static double LargestMagnitude(int n, int d) => Math.Sqrt(double.MaxValue / (4.0 * n * d));

    /// <summary>Refuses points or initial centroids so large that the sums of k-means would overflow a double.</summary>
    public static void CheckMagnitude(Dataset data, ReadOnlySpan<double> initialCentroids)
    {
        ArgumentNullException.ThrowIfNull(data);
        double largest = data.LargestMagnitude;
        foreach (double c in initialCentroids) largest = Math.Max(largest, Math.Abs(c));
        double limit = LargestMagnitude(data.Count, data.Dimension);
        if (largest > limit)
        {
            throw new ClusteringInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Coordinates up to {largest:G4} in magnitude are too large for k-means of n = {data.Count} points in d = {data.Dimension} dimensions: sums and squared distances would overflow a double (at most {limit:G4} here); rescale the data."));
        }
    }
}
