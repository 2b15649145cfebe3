using System.Diagnostics;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.KMeans;

/// <summary>
/// The reference k-means: the study's serial algorithm (docs/kmeans-study.md), one thread, no tricks. Every other
/// k-means backend is tested against it.
/// </summary>
/// <remarks>
/// A pass assigns every point, in order, to its nearest centroid of the previous pass (squared Euclidean distance
/// summed in dimension order; the first minimum wins). A point whose cluster changed is subtracted from its old
/// cluster's running sum and count (not in the first pass, when it has none) and added to the new one's. After
/// the pass, centroid = sum / count, and an empty cluster keeps its previous centroid. Passes repeat while more
/// than ⌊n/100⌋ points changed, at most <see cref="KMeansOptions.MaxIterations"/> times, and stop early when the
/// tolerance is positive and no centroid moved more than it.
/// </remarks>
public sealed class SerialKMeans : IKMeansBackend
{
    /// <inheritdoc />
    public string Name => BackendNames.Serial;

    /// <inheritdoc />
    public BackendAvailability Availability => BackendAvailability.Available("managed, one thread");

    /// <inheritdoc />
    public KMeansResult Run(Dataset data, KMeansOptions options, ReadOnlySpan<double> initialCentroids, CancellationToken cancellation = default)
    {
        KMeansArguments.Check(data, options, initialCentroids);
        int n = data.Count, d = data.Dimension, k = options.K;
        KMeansMemory.RequireSerial(n, d, k);
        ReadOnlySpan<double> points = data.Points.Span;

        double[] centroids = initialCentroids.ToArray();
        var sums = new double[k * d];
        var counts = new int[k];
        var labels = new int[n];
        Array.Fill(labels, -1); // no cluster yet: the first pass counts every point as a change
        var changesPerPass = new List<int>();
        TimeSpan assignTime = TimeSpan.Zero, updateTime = TimeSpan.Zero;

        int changes = n; // so that the first pass always runs
        int threshold = n / 100;
        double inertia = 0;
        while (changes > threshold && changesPerPass.Count < options.MaxIterations)
        {
            cancellation.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            changes = 0;
            inertia = 0;
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> x = points.Slice(i * d, d);
                int nearest = 0;
                double nearestD2 = KMeansInitializer.SquaredDistance(x, centroids.AsSpan(0, d));
                for (int c = 1; c < k; c++)
                {
                    double d2 = KMeansInitializer.SquaredDistance(x, centroids.AsSpan(c * d, d));
                    if (d2 < nearestD2)
                    {
                        nearest = c;
                        nearestD2 = d2;
                    }
                }
                inertia += nearestD2;

                int previous = labels[i];
                if (nearest == previous) continue;
                changes++;
                if (previous >= 0)
                {
                    counts[previous]--;
                    for (int j = 0; j < d; j++) sums[previous * d + j] -= x[j];
                }
                counts[nearest]++;
                for (int j = 0; j < d; j++) sums[nearest * d + j] += x[j];
                labels[i] = nearest;
            }
            changesPerPass.Add(changes);
            long updateStart = Stopwatch.GetTimestamp();
            assignTime += Stopwatch.GetElapsedTime(start, updateStart);

            double largestMove = CentroidUpdate.Apply(sums, counts, centroids, d);
            updateTime += Stopwatch.GetElapsedTime(updateStart);
            if (options.Tolerance > 0 && largestMove <= options.Tolerance) break;
        }

        var timings = new PhaseTimings();
        timings.Add("assign", assignTime.TotalSeconds);
        timings.Add("update", updateTime.TotalSeconds);
        return new KMeansResult
        {
            Labels = labels,
            Centroids = centroids,
            Iterations = changesPerPass.Count,
            ChangesPerIteration = changesPerPass.ToArray(),
            Inertia = inertia,
            Timings = timings,
            Backend = Name,
        };
    }
}
