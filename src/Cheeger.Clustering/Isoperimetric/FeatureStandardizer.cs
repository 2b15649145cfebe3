using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// Z-scores every feature (spec §11 #19: a user option, never implicit): x ↦ (x − mean) / std, with the mean
/// and the population standard deviation (divided by n) summed in row order. A feature with zero variance
/// (every value the same, or differences so small that the variance underflows to 0) carries no information and
/// is set to 0 rather than divided by zero; a feature whose mean or variance overflows is refused.
/// </summary>
public static class FeatureStandardizer
{
    /// <summary>A new data set with standardised features and the same classes and names.</summary>
    public static Dataset Standardize(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count, dim = data.Dimension;
        var source = data.Points.Span;
        var points = new double[n * dim];
        for (int j = 0; j < dim; j++)
        {
            double first = source[j], sum = 0;
            bool constant = true;
            for (int i = 0; i < n; i++)
            {
                double x = source[i * dim + j];
                sum += x;
                constant &= x == first;
            }
            if (constant) continue;         // zero variance: the column stays 0
            double mean = sum / n, squares = 0;
            for (int i = 0; i < n; i++)
            {
                double diff = source[i * dim + j] - mean;
                squares += diff * diff;
            }
            double std = Math.Sqrt(squares / n);
            if (!double.IsFinite(mean) || !double.IsFinite(std))
                throw ClusteringInputException.ForOptions(o =>
                    $"{o(nameof(IsoperimetricOptions.Standardize))}: the mean or standard deviation of feature '{data.FeatureNames[j]}' overflows a double; rescale the data.");
            if (std == 0) continue;         // the values differ by less than the variance can resolve (denormals)
            for (int i = 0; i < n; i++) points[i * dim + j] = (source[i * dim + j] - mean) / std;
        }
        int[]? classes = data.HasClasses ? data.Classes.ToArray() : null;
        return new Dataset(points, n, dim, classes, data.HasClasses ? data.ClassNames : null, data.FeatureNames, data.Name);
    }
}
