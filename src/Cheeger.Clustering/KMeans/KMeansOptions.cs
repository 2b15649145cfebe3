using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.KMeans;

/// <summary>How initial centroids are chosen.</summary>
public enum KMeansInit
{
    /// <summary>k distinct rows sampled without replacement (the study's rule).</summary>
    Random = 0,

    /// <summary>k-means++ seeding (Arthur and Vassilvitskii 2007), D² sampling.</summary>
    KMeansPlusPlus = 1,
}

/// <summary>
/// Options of a k-means run, with the study's defaults. The loop runs while more than ⌊n/100⌋ points changed
/// cluster in the last pass, and stops earlier at <see cref="MaxIterations"/> passes or when no centroid moved
/// more than <see cref="Tolerance"/> (when the tolerance is positive).
/// </summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters, 1 ≤ k ≤ n.</summary>
    public int K { get; init; } = 8;

    /// <summary>Seed of the initialisation; the same seed gives the same answer on every backend.</summary>
    public ulong Seed { get; init; }

    /// <summary>Initialisation rule.</summary>
    public KMeansInit Init { get; init; } = KMeansInit.Random;

    /// <summary>Upper bound on the number of passes (≥ 1).</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when the largest centroid movement (Euclidean) is at most this; 0 disables the test.</summary>
    public double Tolerance { get; init; }

    /// <summary>Worker threads for parallel backends; 0 means all cores.</summary>
    public int Workers { get; init; }

    /// <summary>The worker count to use: <see cref="Workers"/>, or the core count when it is 0.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>Checks every option against the data; throws one <see cref="ClusteringInputException"/> naming the option.</summary>
    public void Validate(Dataset data)
    {
        if (K < 1) throw new ClusteringInputException($"--k must be at least 1 (got {K}).");
        if (K > data.Count) throw new ClusteringInputException($"--k = {K} exceeds the number of points n = {data.Count}.");
        if (MaxIterations < 1) throw new ClusteringInputException($"--max-iterations must be at least 1 (got {MaxIterations}).");
        if (!double.IsFinite(Tolerance) || Tolerance < 0)
            throw new ClusteringInputException($"--tolerance must be a finite number ≥ 0 (got {Tolerance}).");
        if (Workers < 0) throw new ClusteringInputException($"--workers must be ≥ 0 (0 = all cores; got {Workers}).");
        if (!Enum.IsDefined(Init)) throw new ClusteringInputException($"--init {(int)Init} is not a known initialisation.");
    }
}
