namespace Cheeger.Clustering.Data;

/// <summary>
/// n points in R^d, row-major, with an optional ground-truth class per point (never used as a feature).
/// Immutable once built; every coordinate is finite.
/// </summary>
public sealed class Dataset
{
    private readonly double[] _points;
    private readonly int[]? _classes;

    /// <param name="points">n·d coordinates, row-major. Not copied: the caller hands it over.</param>
    /// <param name="count">n, the number of points (≥ 1).</param>
    /// <param name="dimension">d, the number of features (≥ 1).</param>
    /// <param name="classes">optional ground-truth class per point, 0..classNames.Count-1.</param>
    /// <param name="classNames">the class names as they appeared in the input, indexed by class.</param>
    /// <param name="featureNames">optional feature names (column headers).</param>
    /// <param name="name">a short name for reports, usually the file name.</param>
    public Dataset(double[] points, int count, int dimension, int[]? classes = null,
        IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? featureNames = null, string name = "data")
    {
        ArgumentNullException.ThrowIfNull(points);
        if (count < 1) throw new ClusteringInputException("The data set has no points (n = 0).");
        if (dimension < 1) throw new ClusteringInputException("The data set has no feature columns (d = 0).");
        if ((long)count * dimension != points.Length)
            throw new ClusteringInputException(
                $"The data set holds {points.Length} values, but n = {count} rows of d = {dimension} features need {(long)count * dimension}.");
        double largest = 0;
        for (int i = 0; i < points.Length; i++)
        {
            if (!double.IsFinite(points[i]))
                throw new ClusteringInputException(
                    $"Row {i / dimension + 1}, feature {i % dimension + 1}: value {points[i]} is not a finite number.");
            largest = Math.Max(largest, Math.Abs(points[i]));
        }
        LargestMagnitude = largest;
        if (classes is not null)
        {
            if (classes.Length != count)
                throw new ClusteringInputException($"{classes.Length} class labels given for {count} points.");
            int classCount = classNames?.Count ?? (classes.Length == 0 ? 0 : classes.Max() + 1);
            foreach (int c in classes)
            {
                if (c < 0 || c >= classCount)
                    throw new ClusteringInputException($"Class label {c} is outside 0..{classCount - 1}.");
            }
            ClassNames = classNames ?? Enumerable.Range(0, classCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        else
        {
            ClassNames = [];
        }
        if (featureNames is not null && featureNames.Count != dimension)
            throw new ClusteringInputException($"{featureNames.Count} feature names given for d = {dimension} features.");

        _points = points;
        _classes = classes;
        Count = count;
        Dimension = dimension;
        FeatureNames = featureNames ?? Enumerable.Range(0, dimension).Select(j => $"x{j}").ToArray();
        Name = name;
    }

    /// <summary>n, the number of points.</summary>
    public int Count { get; }

    /// <summary>d, the number of features.</summary>
    public int Dimension { get; }

    /// <summary>The largest |coordinate|: methods whose sums would overflow a double check it before they start.</summary>
    public double LargestMagnitude { get; }

    /// <summary>All coordinates, row-major (point i is [i·d, i·d + d)).</summary>
    public ReadOnlyMemory<double> Points => _points;

    /// <summary>The coordinates of point <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Row(int i) => _points.AsSpan(i * Dimension, Dimension);

    /// <summary>True when the input had a <c>label</c> column.</summary>
    public bool HasClasses => _classes is not null;

    /// <summary>Ground-truth class per point (empty when <see cref="HasClasses"/> is false).</summary>
    public ReadOnlySpan<int> Classes => _classes;

    /// <summary>Class names in class-index order (empty without classes).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Feature (column) names.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>A short name for reports.</summary>
    public string Name { get; }

    /// <summary>
    /// A seeded random sample of <paramref name="rows"/> distinct rows, kept in file order (the rows k-means'
    /// random initialisation would pick for k = <paramref name="rows"/>); the whole set when it has no more rows.
    /// </summary>
    public Dataset Sample(int rows, ulong seed)
    {
        if (rows < 1) throw new ClusteringInputException($"The sample size must be at least 1, not {rows}.");
        if (rows >= Count) return this;
        int[] picked = KMeans.KMeansInitializer.SampleRows(Count, rows, seed);
        Array.Sort(picked);
        return Select(picked, $"{Name} ({rows} rows sampled with seed {seed})");
    }

    /// <summary>The rows at the given indices, in that order, with their classes: a sample or a subset.</summary>
    public Dataset Select(IReadOnlyList<int> rows, string? name = null)
    {
        var points = new double[rows.Count * Dimension];
        int[]? classes = _classes is null ? null : new int[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            Row(rows[r]).CopyTo(points.AsSpan(r * Dimension, Dimension));
            if (classes is not null) classes[r] = _classes![rows[r]];
        }
        return new Dataset(points, rows.Count, Dimension, classes, _classes is null ? null : ClassNames, FeatureNames, name ?? Name);
    }
}
