using Cheeger.Clustering;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Cli.Running;

/// <summary>One backend's run of one method: its result and the wall-clock seconds it took.</summary>
/// <param name="Result">What the backend returned.</param>
/// <param name="Seconds">Wall-clock seconds of the backend's run, measured around it.</param>
public sealed record RunOutcome(ClusteringResult Result, double Seconds)
{
    /// <summary>The labels the command reports and writes: the full labelling when one was asked for, else the raw one.</summary>
    public int[] OutputLabels => Result is IsoperimetricResult { FullLabels: { } full } ? full : Result.Labels;

    /// <summary>True when <see cref="OutputLabels"/> is the full labelling (no outliers left).</summary>
    public bool IsFullLabelling => Result is IsoperimetricResult { FullLabels: not null };
}
