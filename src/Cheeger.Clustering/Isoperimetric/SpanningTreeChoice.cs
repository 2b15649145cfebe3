using Cheeger.Clustering.Data;
using Cheeger.Interop;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>The spanning-tree choice: what <see cref="SpanningTreeAlgorithm.Auto"/> means on the CPU, and the refusal of a choice a backend lacks.</summary>
public static class SpanningTreeChoice
{
    /// <summary>
    /// The CPU's choice for <paramref name="data"/>, the native core's rule (<c>cheeger.h</c>): the kd-tree Borůvka from
    /// <c>CHEEGER_ISO_KDTREE_MIN_POINTS_D2</c> … <c>_D10</c> points for d ≤ 2 … 10 (the kd-tree's pruning weakens as d
    /// grows), Prim otherwise; below that size, the kd-tree still where the data's <see cref="IntrinsicDimension"/> is at
    /// most d / 2 and the size suffices for that dimension (real data often lie near a low-dimensional set).
    /// </summary>
    public static SpanningTreeAlgorithm Automatic(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count, d = data.Dimension;
        if (n >= KdtreeMinPoints(d)) return SpanningTreeAlgorithm.Kdtree;
        // Only a lower intrinsic dimension can still call for the kd-tree; the estimate costs well under Prim's n² d.
        if (n < CheegerConstants.IsoKdtreeMinPointsD2) return SpanningTreeAlgorithm.Prim;
        double intrinsic = IntrinsicDimension.Estimate(data);
        bool muchLower = intrinsic <= 0.5 * d; // false for NaN
        bool kdtree = muchLower && n >= KdtreeMinPoints((int)Math.Ceiling(intrinsic));
        return kdtree ? SpanningTreeAlgorithm.Kdtree : SpanningTreeAlgorithm.Prim;
    }

    private static int KdtreeMinPoints(int d) => d switch
    {
        <= 2 => CheegerConstants.IsoKdtreeMinPointsD2,
        <= 4 => CheegerConstants.IsoKdtreeMinPointsD4,
        <= 6 => CheegerConstants.IsoKdtreeMinPointsD6,
        <= 8 => CheegerConstants.IsoKdtreeMinPointsD8,
        <= 10 => CheegerConstants.IsoKdtreeMinPointsD10,
        _ => int.MaxValue,
    };

    /// <summary>The name of <paramref name="algorithm"/> as options and the command line spell it (<c>kdtree</c>).</summary>
    public static string NameOf(SpanningTreeAlgorithm algorithm) => algorithm.ToString().ToLowerInvariant();

    /// <summary>Refuses <paramref name="requested"/> when <paramref name="backend"/> cannot build it, naming what it can.</summary>
    /// <exception cref="ClusteringInputException">the backend lacks the algorithm.</exception>
    public static void Require(string backend, SpanningTreeAlgorithm requested, IReadOnlyCollection<SpanningTreeAlgorithm> supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        if (supported.Contains(requested)) return;
        throw ClusteringInputException.ForOptions(o => $"the {backend} backend {Lacking(requested, supported, o)}.");
    }

    /// <summary>Why a backend offering <paramref name="supported"/> cannot serve <paramref name="requested"/>; null when it can.</summary>
    public static string? Refusal(SpanningTreeAlgorithm requested, IReadOnlyCollection<SpanningTreeAlgorithm> supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        return supported.Contains(requested) ? null : $"it {Lacking(requested, supported, OptionWords.Of)}";
    }

    private static string Lacking(SpanningTreeAlgorithm requested, IReadOnlyCollection<SpanningTreeAlgorithm> supported, Func<string, string> option) =>
        $"has no {NameOf(requested)} {option(nameof(IsoperimetricOptions.SpanningTree))} (it offers {string.Join(", ", supported.Select(NameOf))})";
}
