using Cheeger.Clustering.Data;
using Cheeger.Interop;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>The flow kernel φ(d) on a tree edge of length d (spec §2.3).</summary>
public enum FlowKernel
{
    /// <summary>exp(−d/σ), the default.</summary>
    Laplace = 0,

    /// <summary>exp(−d²/σ²).</summary>
    Gauss = 1,

    /// <summary>σ/(σ + d).</summary>
    Inverse = 2,
}

/// <summary>The vertex weight ω (spec §2.4).</summary>
public enum VertexWeight
{
    /// <summary>Weighted degree in the tree, the default.</summary>
    Tree = 0,

    /// <summary>ω ≡ 1.</summary>
    Unit = 1,

    /// <summary>Weighted degree in the complete graph (O(n²d)).</summary>
    Graph = 2,
}

/// <summary>
/// Options of isoperimetric tree clustering, with the defaults of the specification (docs/isoperimetric.md), which
/// the C API defines once (<c>CHEEGER_ISO_DEFAULT_*</c>).
/// </summary>
public sealed record IsoperimetricOptions
{
    /// <summary>Number of clusters, 1 ≤ k ≤ n.</summary>
    public int K { get; init; } = CheegerConstants.IsoDefaultK;

    /// <summary>Flow kernel.</summary>
    public FlowKernel Kernel { get; init; } = FlowKernel.Laplace;

    /// <summary>σ given directly (positive, finite); null: σ = <see cref="SigmaScale"/> × mean MST edge length.</summary>
    public double? Sigma { get; init; }

    /// <summary>s in σ = s × mean MST edge length (used when <see cref="Sigma"/> is null).</summary>
    public double SigmaScale { get; init; } = CheegerConstants.IsoDefaultSigmaScale;

    /// <summary>Vertex weight.</summary>
    public VertexWeight Weight { get; init; } = VertexWeight.Tree;

    /// <summary>β of the potential ψ(v) = β(1 − max incident flow); 0 = plain clustering.</summary>
    public double Beta { get; init; }

    /// <summary>Z-score every feature before clustering (never implicit).</summary>
    public bool Standardize { get; init; }

    /// <summary>Also compute the full labelling (every outlier takes its nearest clustered point's label).</summary>
    public bool FullLabels { get; init; }

    /// <summary>Relative bisection tolerance τ of the ε search.</summary>
    public double SearchTolerance { get; init; } = CheegerConstants.IsoDefaultSearchTolerance;

    /// <summary>Upper bound on bisection steps.</summary>
    public int MaxSearchSteps { get; init; } = CheegerConstants.IsoDefaultMaxSearchSteps;

    /// <summary>How the spanning tree is built; every choice gives the same tree (a backend that lacks one refuses it).</summary>
    public SpanningTreeAlgorithm SpanningTree { get; init; } = SpanningTreeAlgorithm.Auto;

    /// <summary>Worker threads for parallel backends; 0 means all cores (the managed parallel backend uses fewer on small inputs).</summary>
    public int Workers { get; init; }

    /// <summary>Return the tree stages (parent, edge length, depth, sibling rank, order) in the result.</summary>
    public bool IncludeTree { get; init; }

    /// <summary>The worker count to use: <see cref="Workers"/>, or the core count when it is 0.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>
    /// True when the gauss kernel exp(−d²/σ²) can use <paramref name="sigma"/>: σ² is a positive finite double.
    /// Otherwise a zero-length edge (duplicate points) would give 0/0 or ∞/∞, a NaN flow.
    /// </summary>
    public static bool GaussSigmaInRange(double sigma)
    {
        double square = sigma * sigma;
        return square > 0 && double.IsFinite(square);
    }

    /// <summary>Checks every option against the data; throws one <see cref="ClusteringInputException"/> naming the option.</summary>
    public void Validate(Dataset data)
    {
        if (K < 1) throw ClusteringInputException.ForOptions(o => $"{o(nameof(K))} must be at least 1 (got {K}).");
        if (K > data.Count) throw ClusteringInputException.ForOptions(o => $"{o(nameof(K))} = {K} exceeds the number of points n = {data.Count}.");
        if (!Enum.IsDefined(Kernel)) throw ClusteringInputException.ForOptions(o => $"{o(nameof(Kernel))} {(int)Kernel} is not a known kernel.");
        if (!Enum.IsDefined(SpanningTree))
            throw ClusteringInputException.ForOptions(o => $"{o(nameof(SpanningTree))} {(int)SpanningTree} is not a known spanning-tree algorithm.");
        if (!Enum.IsDefined(Weight)) throw ClusteringInputException.ForOptions(o => $"{o(nameof(Weight))} {(int)Weight} is not a known vertex weight.");
        if (Sigma is { } sigma && (!double.IsFinite(sigma) || sigma <= 0))
            throw ClusteringInputException.ForOptions(o => $"{o(nameof(Sigma))} must be a positive finite number (got {sigma}).");
        if (Sigma is { } gaussSigma && Kernel == FlowKernel.Gauss && !GaussSigmaInRange(gaussSigma))
            throw ClusteringInputException.ForOptions(o =>
                $"{o(nameof(Sigma))} = {gaussSigma} is out of range for {o(nameof(Kernel))} gauss: σ² must be a positive finite double (σ between about 1e-154 and 1e154).");
        if (!double.IsFinite(SigmaScale) || SigmaScale <= 0)
            throw ClusteringInputException.ForOptions(o => $"{o(nameof(SigmaScale))} must be a positive finite number (got {SigmaScale}).");
        if (!double.IsFinite(Beta) || Beta < 0)
            throw ClusteringInputException.ForOptions(o => $"{o(nameof(Beta))} must be a finite number ≥ 0 (got {Beta}).");
        if (!double.IsFinite(SearchTolerance) || SearchTolerance <= 0 || SearchTolerance >= 1)
            throw new ClusteringInputException($"the search tolerance must lie in (0, 1) (got {SearchTolerance}).");
        if (MaxSearchSteps < 1) throw new ClusteringInputException($"the search step limit must be at least 1 (got {MaxSearchSteps}).");
        if (Workers < 0) throw ClusteringInputException.ForOptions(o => $"{o(nameof(Workers))} must be ≥ 0 (0 = all cores; got {Workers}).");
    }
}
