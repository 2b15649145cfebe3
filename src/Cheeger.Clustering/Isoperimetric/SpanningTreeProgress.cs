namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// What the spanning-tree builders report (<see cref="IsoperimetricProgress"/>), computed in one place: a Borůvka
/// round is worth as much as it divides the components (each round at least halves them), a Prim step as one vertex.
/// The native core reports the same fractions (native/src/iso/iso_progress.hpp).
/// </summary>
internal static class SpanningTreeProgress
{
    /// <summary>Prim reports once per this share of the vertices joined.</summary>
    private const int PrimReports = 50;

    /// <summary>After a Borůvka round that left <paramref name="components"/> of <paramref name="n"/> vertices' components.</summary>
    public static void Round(IProgress<IsoperimetricProgress>? progress, int components, int n) =>
        progress?.Report(new(IsoperimetricStage.SpanningTree, n <= 1 ? 1 : 1 - Math.Log(components) / Math.Log(n)));

    /// <summary>The Prim steps between two reports for <paramref name="n"/> vertices (at least 1); the last step is reported too.</summary>
    public static int PrimStride(int n) => Math.Max(1, n / PrimReports);

    /// <summary>After Prim's step that joined vertex number <paramref name="joined"/> (the root is the first) of <paramref name="n"/>.</summary>
    public static void Joined(IProgress<IsoperimetricProgress>? progress, int joined, int n) =>
        progress?.Report(new(IsoperimetricStage.SpanningTree, (double)joined / n));
}
