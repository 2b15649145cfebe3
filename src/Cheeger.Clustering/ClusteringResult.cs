namespace Cheeger.Clustering;

/// <summary>What every clustering run returns: labels in input order, the backend that ran, per-phase timings.</summary>
public abstract class ClusteringResult
{
    /// <summary>Cluster per point, 0..k−1; −1 marks an outlier (isoperimetric residual vertices only).</summary>
    public required int[] Labels { get; init; }

    /// <summary>The backend name, as the command line spells it.</summary>
    public required string Backend { get; init; }

    /// <summary>Seconds per phase.</summary>
    public required PhaseTimings Timings { get; init; }
}
