namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// How far an isoperimetric run has got: the stage it is in and the part of that stage done, in [0, 1]. A run
/// reports 0 as each stage starts; the spanning tree then reports each Borůvka round (1 − ln c / ln n, c the
/// components left) or every few percent of Prim's vertices, the search each probe (probes made over the probes
/// expected), and the run ends with <see cref="IsoperimetricStage.Labels"/> at 1. Within a stage the fraction never
/// decreases. Backends report on the thread that called them, a few dozen times a run, never per point.
/// </summary>
/// <param name="Stage">The stage running.</param>
/// <param name="Fraction">The part of it done, in [0, 1].</param>
public readonly record struct IsoperimetricProgress(IsoperimetricStage Stage, double Fraction)
{
    /// <summary>The start of <paramref name="stage"/>.</summary>
    public static IsoperimetricProgress Start(IsoperimetricStage stage) => new(stage, 0);

    /// <summary>The end of the run.</summary>
    public static IsoperimetricProgress Finished => new(IsoperimetricStage.Labels, 1);
}
