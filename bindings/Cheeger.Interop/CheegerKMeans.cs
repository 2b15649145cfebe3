namespace Cheeger.Interop;

/// <summary>The k-means functions of the C API over spans: lengths are checked here, values by the library.</summary>
public static class CheegerKMeans
{
    /// <summary>The library's default parameters (<c>cheeger_kmeans_params_default</c>).</summary>
    public static unsafe CheegerKMeansParams DefaultParameters()
    {
        NativeLibraryLoader.Load();
        CheegerKMeansParams parameters;
        NativeStatus.Check(NativeMethods.KMeansParamsDefault(&parameters));
        return parameters;
    }

    /// <summary>The <paramref name="k"/> rows the native random initialisation picks for (<paramref name="n"/>, <paramref name="k"/>, <paramref name="seed"/>).</summary>
    /// <exception cref="CheegerNativeException">The library refused the arguments (k outside 1..n, ...).</exception>
    public static unsafe long[] SampleRows(long n, int k, ulong seed)
    {
        NativeLibraryLoader.Load();
        var rows = new long[Math.Max(k, 0)];
        fixed (long* rowsOut = rows)
            NativeStatus.Check(NativeMethods.KMeansSampleRows(n, k, seed, rowsOut));
        return rows;
    }

    /// <summary>
    /// Runs Lloyd's k-means on <paramref name="context"/>. n = <paramref name="labels"/>.Length points of
    /// <paramref name="dimension"/> coordinates in <paramref name="points"/> (row-major); k = parameters.K.
    /// </summary>
    /// <param name="context">The context to run on.</param>
    /// <param name="points">n·d coordinates, row-major.</param>
    /// <param name="dimension">d.</param>
    /// <param name="parameters">The run's parameters (start from <see cref="DefaultParameters"/>).</param>
    /// <param name="initialCentroids">k·d starting centroids, or empty to let the library sample rows with the seed.</param>
    /// <param name="labels">Receives the cluster of each point (n entries).</param>
    /// <param name="centroids">Receives the final centroids (k·d entries).</param>
    /// <returns>What the library reports beside labels and centroids.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n, d and k.</exception>
    /// <exception cref="CheegerNativeException">The library refused the arguments or failed.</exception>
    public static unsafe CheegerKMeansInfo Run(NativeContext context, ReadOnlySpan<double> points, int dimension,
        in CheegerKMeansParams parameters, ReadOnlySpan<double> initialCentroids, Span<int> labels, Span<double> centroids)
    {
        ArgumentNullException.ThrowIfNull(context);
        long n = labels.Length;
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be at least 1.");
        if (points.Length != n * dimension)
            throw new ArgumentException($"{points.Length} coordinates given for n = {n} points of d = {dimension}.", nameof(points));
        // The library writes k·d centroids: the span must hold them whatever k it is asked for (it rejects k < 1 itself).
        long centroidValues = (long)Math.Max(parameters.K, 0) * dimension;
        if (centroids.Length != centroidValues)
            throw new ArgumentException($"{centroids.Length} centroid values for k = {parameters.K}, d = {dimension}.", nameof(centroids));
        if (!initialCentroids.IsEmpty && initialCentroids.Length != centroidValues)
            throw new ArgumentException($"{initialCentroids.Length} initial centroid values for k = {parameters.K}, d = {dimension}.", nameof(initialCentroids));

        CheegerKMeansInfo info;
        CheegerKMeansParams copy = parameters;
        using CheegerContextHandle.Lease lease = context.Handle.Acquire();
        fixed (double* pointsIn = points)
        fixed (double* initialIn = initialCentroids)
        fixed (int* labelsOut = labels)
        fixed (double* centroidsOut = centroids)
        {
            NativeStatus.Check(NativeMethods.KMeansRun(lease.Context, pointsIn, n, dimension, &copy,
                initialCentroids.IsEmpty ? null : initialIn, labelsOut, centroidsOut, &info));
        }
        return info;
    }

    /// <summary>
    /// The change count of every pass of the last <see cref="Run"/> on <paramref name="context"/>
    /// (<c>cheeger_kmeans_changes_per_pass</c>); empty before the first run.
    /// </summary>
    /// <param name="context">The context the run was made on.</param>
    /// <returns>One count per pass, in pass order; the last is <see cref="CheegerKMeansInfo.LastChanges"/>.</returns>
    /// <exception cref="CheegerNativeException">The library refused the call.</exception>
    public static unsafe long[] ChangesPerPass(NativeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using CheegerContextHandle.Lease lease = context.Handle.Acquire();
        int count;
        NativeStatus.Check(NativeMethods.KMeansChangesPerPass(lease.Context, null, 0, &count));
        var changes = new long[count];
        fixed (long* changesOut = changes)
            NativeStatus.Check(NativeMethods.KMeansChangesPerPass(lease.Context, changesOut, count, &count));
        return changes;
    }
}
