namespace Cheeger.Clustering.Isoperimetric;

/// <summary>The flow φ of an edge from its squared length (spec §2.3), clamped so that it stays positive.</summary>
public static class FlowKernels
{
    /// <summary>The smallest flow: an edge so long that exp underflows still carries this much (spec §2.3).</summary>
    public const double MinimumFlow = 1e-300;

    /// <summary>
    /// φ = max(kernel, 1e-300) for an edge of squared length <paramref name="squaredLength"/>:
    /// laplace exp(−d/σ) with d = √d², gauss exp(−d²/σ²) from d² itself, inverse σ/(σ + d).
    /// </summary>
    public static double Flow(FlowKernel kernel, double squaredLength, double sigma)
    {
        double flow = kernel switch
        {
            FlowKernel.Laplace => Math.Exp(-Math.Sqrt(squaredLength) / sigma),
            FlowKernel.Gauss => Math.Exp(-squaredLength / (sigma * sigma)),
            FlowKernel.Inverse => sigma / (sigma + Math.Sqrt(squaredLength)),
            _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Unknown flow kernel."),
        };
        return Math.Max(flow, MinimumFlow);
    }
}
