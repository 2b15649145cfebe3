using Cheeger.Clustering.Data;
using Cheeger.Interop;

namespace Cheeger.Clustering.KMeans;

/// <summary>How initial centroids are chosen.</summary>
public enum KMeansInit
{
    /// <summary>k distinct rows sampled without replacement (the study's rule).</summary>
    Random = 0,

    /// <summary>k-means++ seeding (Arthur and Vassilvitskii 2007), D² sampling.</summary>
    KMeansPlusPlus = 1,
}

/// <summary>Floating-point precision of the k-means distances.</summary>
public enum KMeansPrecision
{
    /// <summary>Double throughout: every backend agrees with the serial reference bit for bit.</summary>
    Double = 0,

    /// <summary>Float distances (native CUDA only): labels may differ from double at near-ties (docs/gpu.md).</summary>
    Single = 1,
}

/// <summary>
/// Options of a k-means run, with the study's defaults (those of the C API, <c>CHEEGER_KMEANS_DEFAULT_*</c>). The loop runs while more than ⌊n/100⌋ points changed
/// cluster in the last pass, and stops earlier at <see cref="MaxIterations"/> passes or when no centroid moved
/// more than <see cref="Tolerance"/> (when the tolerance is positive).
/// </summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters, 1 ≤ k ≤ n.</summary>
    public int K { get; init; } = CheegerConstants.KMeansDefaultK;

    /// <summary>Seed of the initialisation; the same seed gives the same answer on every backend.</summary>
    public ulong Seed { get; init; }

    /// <summary>Initialisation rule.</summary>
    public KMeansInit Init { get; init; } = KMeansInit.Random;

    /// <summary>Upper bound on the number of passes (≥ 1).</summary>
    public int MaxIterations { get; init; } = CheegerConstants.KMeansDefaultMaxIterations;

    /// <summary>Stop when the largest centroid movement (Euclidean) is at most this; 0 disables the test.</summary>
    public double Tolerance { get; init; }

    /// <summary>
    /// Floating-point precision of the distances. Only native CUDA offers <see cref="KMeansPrecision.Single"/>, with
    /// its own agreement rule (docs/gpu.md); every other backend computes in double and refuses single.
    /// </summary>
    public KMeansPrecision Precision { get; init; } = KMeansPrecision.Double;

    /// <summary>Worker threads for parallel backends; 0 means all cores.</summary>
    public int Workers { get; init; }

    /// <summary>The worker count to use: <see cref="Workers"/>, or the core count when it is 0.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>Checks every option against the data; throws one <see cref="ClusteringInputException"/> naming the option.</summary>
    public void Validate(Dataset data)
    {
        if (K < 1) throw ClusteringInputException.ForOptions(o => $"{o(nameof(K))} must be at least 1 (got {K}).");
        if (K > data.Count) throw ClusteringInputException.ForOptions(o => $"{o(nameof(K))} = {K} exceeds the number of points n = {data.Count}.");
        if (MaxIterations < 1) throw ClusteringInputException.ForOptions(o => $"{o(nameof(MaxIterations))} must be at least 1 (got {MaxIterations}).");
        if (!double.IsFinite(Tolerance) || Tolerance < 0)
            throw ClusteringInputException.ForOptions(o => $"{o(nameof(Tolerance))} must be a finite number ≥ 0 (got {Tolerance}).");
        if (Workers < 0) throw ClusteringInputException.ForOptions(o => $"{o(nameof(Workers))} must be ≥ 0 (0 = all cores; got {Workers}).");
        if (!Enum.IsDefined(Init)) throw ClusteringInputException.ForOptions(o => $"{o(nameof(Init))} {(int)Init} is not a known initialisation.");
        if (!Enum.IsDefined(Precision)) throw ClusteringInputException.ForOptions(o => $"{o(nameof(Precision))} {(int)Precision} is not a known precision.");
    }
}
