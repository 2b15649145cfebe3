namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// What the ε search reports (<see cref="IsoperimetricProgress"/>): the probes made over the probes expected. The
/// expectation is the bracket (hi₀ and ε = 0), the halvings the relative tolerance τ needs once a probe has failed
/// (⌈log₂ 1/τ⌉ + 1), and, on top, every probe that widened the bracket and every halving that succeeded before the
/// first failure (those do not narrow hi − lo relative to hi); the halvings are capped by the step limit. The
/// expectation grows by one only with a probe, so the fraction never decreases. The native core's
/// (native/src/iso/iso_progress.hpp) is the same.
/// </summary>
internal static class SearchProgress
{
    /// <summary>The probes a search is expected to make, given what it has seen so far.</summary>
    /// <param name="tolerance">τ.</param>
    /// <param name="maxSteps">The most halvings.</param>
    /// <param name="doublings">Probes that failed at the bracket's upper end, so far.</param>
    /// <param name="leadingSuccesses">Halvings that succeeded before any failed, so far.</param>
    public static int ExpectedProbes(double tolerance, int maxSteps, int doublings, int leadingSuccesses) =>
        2 + doublings + Math.Min(Math.Max(maxSteps, 0), HalvingsForTolerance(tolerance) + leadingSuccesses);

    /// <summary>After the probe that made <paramref name="made"/> of <paramref name="expected"/>.</summary>
    public static void Probed(IProgress<IsoperimetricProgress>? progress, int made, int expected) =>
        progress?.Report(new(IsoperimetricStage.Search, Math.Min(1.0, (double)made / expected)));

    /// <summary>⌈log₂ 1/τ⌉ + 1: the halvings from the first failure until hi − lo ≤ τ·hi (0 for a τ outside (0, 1)).</summary>
    private static int HalvingsForTolerance(double tolerance) =>
        tolerance > 0 && tolerance < 1 ? (int)Math.Ceiling(-Math.Log2(tolerance)) + 1 : 0;
}
