using Cheeger.Clustering.Data;

namespace Cheeger.Cli.Plotting;

/// <summary>
/// Two coordinates per point for a scatter plot: the features themselves when d ≤ 2, otherwise the first two
/// principal components (power iteration with deflation on the d×d covariance; d is small, so this is cheap).
/// </summary>
/// <param name="X">Horizontal coordinate per point.</param>
/// <param name="Y">Vertical coordinate per point.</param>
/// <param name="XLabel">Axis label of <paramref name="X"/>.</param>
/// <param name="YLabel">Axis label of <paramref name="Y"/>.</param>
internal sealed record PlaneProjection(double[] X, double[] Y, string XLabel, string YLabel)
{
    private const int MaxPowerSteps = 1000;
    private const double PowerTolerance = 1e-12;

    /// <summary>Projects <paramref name="data"/>; with <paramref name="standardize"/> every feature is z-scored first.</summary>
    public static PlaneProjection Of(Dataset data, bool standardize)
    {
        int n = data.Count, d = data.Dimension;
        double[] points = data.Points.ToArray();
        if (standardize) Standardize(points, n, d);
        string suffix = standardize ? " (standardized)" : "";
        if (d <= 2)
        {
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = points[i * d];
                y[i] = d == 2 ? points[i * d + 1] : 0;
            }
            return new PlaneProjection(x, y, data.FeatureNames[0] + suffix, d == 2 ? data.FeatureNames[1] + suffix : "");
        }

        double[] mean = Means(points, n, d);
        double[,] covariance = Covariance(points, mean, n, d);
        double[] first = LeadingEigenvector(covariance, out double firstValue);
        Deflate(covariance, first, firstValue);
        double[] second = LeadingEigenvector(covariance, out _);
        return new PlaneProjection(Project(points, mean, first, n, d), Project(points, mean, second, n, d), "PC1" + suffix, "PC2" + suffix);
    }

    private static void Standardize(double[] points, int n, int d)
    {
        double[] mean = Means(points, n, d);
        for (int j = 0; j < d; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += (points[i * d + j] - mean[j]) * (points[i * d + j] - mean[j]);
            double deviation = Math.Sqrt(sum / n);
            for (int i = 0; i < n; i++) points[i * d + j] = deviation > 0 ? (points[i * d + j] - mean[j]) / deviation : 0;
        }
    }

    private static double[] Means(double[] points, int n, int d)
    {
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) mean[j] += points[i * d + j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        return mean;
    }

    private static double[,] Covariance(double[] points, double[] mean, int n, int d)
    {
        var covariance = new double[d, d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++)
            {
                double da = points[i * d + a] - mean[a];
                for (int b = a; b < d; b++) covariance[a, b] += da * (points[i * d + b] - mean[b]);
            }
        }
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++) covariance[b, a] = covariance[a, b] /= n;
        }
        return covariance;
    }

    // Power iteration from the column of largest variance (never orthogonal to the leading eigenvector unless
    // the matrix is degenerate); returns a unit vector, or e_0 for a zero matrix.
    private static double[] LeadingEigenvector(double[,] matrix, out double eigenvalue)
    {
        int d = matrix.GetLength(0);
        int start = 0;
        for (int j = 1; j < d; j++)
        {
            if (matrix[j, j] > matrix[start, start]) start = j;
        }
        var v = new double[d];
        for (int j = 0; j < d; j++) v[j] = matrix[j, start];
        eigenvalue = Normalize(v);
        if (eigenvalue == 0)
        {
            v[0] = 1;
            return v;
        }
        var next = new double[d];
        for (int step = 0; step < MaxPowerSteps; step++)
        {
            for (int a = 0; a < d; a++)
            {
                double sum = 0;
                for (int b = 0; b < d; b++) sum += matrix[a, b] * v[b];
                next[a] = sum;
            }
            eigenvalue = Normalize(next);
            if (eigenvalue == 0) break;
            double change = 0;
            for (int j = 0; j < d; j++) change = Math.Max(change, Math.Abs(next[j] - v[j]));
            (v, next) = (next, v);
            if (change < PowerTolerance) break;
        }
        return v;
    }

    private static double Normalize(double[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => x * x));
        if (norm > 0)
        {
            for (int j = 0; j < v.Length; j++) v[j] /= norm;
        }
        return norm;
    }

    private static void Deflate(double[,] matrix, double[] vector, double eigenvalue)
    {
        int d = vector.Length;
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++) matrix[a, b] -= eigenvalue * vector[a] * vector[b];
        }
    }

    private static double[] Project(double[] points, double[] mean, double[] axis, int n, int d)
    {
        var projection = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++) sum += (points[i * d + j] - mean[j]) * axis[j];
            projection[i] = sum;
        }
        return projection;
    }
}
