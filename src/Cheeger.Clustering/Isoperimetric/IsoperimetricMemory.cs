using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// What the managed isoperimetric backends allocate for a data set, counted from their per-vertex arrays
/// (spanning tree, weighted tree, decider, selection, labels: at most 256 bytes per point) plus the copies of
/// the points some stages make, and the check that refuses a run that does not fit.
/// </summary>
public static class IsoperimetricMemory
{
    /// <summary>An upper bound of the per-vertex arrays of all stages together.</summary>
    public const double BytesPerPoint = 256;

    /// <summary>
    /// Bytes of a run: the per-vertex arrays, a standardised copy of the points (with <c>--standardize</c>),
    /// the column copy of the full labelling (with <c>--full-labels</c>) and, for the parallel backend, the
    /// column copy its tree builder packs.
    /// </summary>
    public static double Bytes(Dataset data, IsoperimetricOptions options, bool parallel)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        double values = (double)data.Count * data.Dimension;
        int copies = (options.Standardize ? 1 : 0) + (options.FullLabels ? 1 : 0) + (parallel ? 1 : 0);
        return BytesPerPoint * data.Count + 8.0 * values * copies;
    }

    /// <summary>Refuses a run that does not fit in this process's memory.</summary>
    public static void Require(Dataset data, IsoperimetricOptions options, bool parallel) =>
        MemoryBudget.Require(Bytes(data, options, parallel),
            $"isoperimetric clustering ({(parallel ? BackendNames.Parallel : BackendNames.Serial)}) of n = {data.Count}, d = {data.Dimension}");
}
