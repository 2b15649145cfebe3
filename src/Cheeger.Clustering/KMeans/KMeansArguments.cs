using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.KMeans;

/// <summary>The checks every k-means backend makes on its arguments before it starts.</summary>
public static class KMeansArguments
{
    /// <summary>Validates the options against the data and the initial centroids against k and d.</summary>
    public static void Check(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data);
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
    }
}
