using System.Text.Json;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Cli.Output;

/// <summary>
/// Writes the stages of an isoperimetric run (<c>--stages</c>): the spanning tree (parent, edge length, depth,
/// sibling rank, Prim's order), σ, and the ε search (ε_hi, ε_lo, cost), so backends can be compared stage by stage.
/// </summary>
internal static class StagesWriter
{
    // One line: the arrays have n entries each, too many to indent one per line.
    private static readonly JsonSerializerOptions Compact = new(JsonOutput.Options) { WriteIndented = false };

    /// <summary>The document <c>--stages</c> writes.</summary>
    public sealed record Stages(
        int N, double Sigma, double EpsilonHigh, double EpsilonLow, double Cost, int SearchSteps,
        int[] Parent, double[] EdgeLength, int[] Depth, int[] SiblingRank, int[] Order);

    /// <summary>Writes the stages of <paramref name="result"/> (which must carry its tree) to <paramref name="path"/>.</summary>
    public static void Write(string path, IsoperimetricResult result)
    {
        var tree = result.Tree ?? throw new InvalidOperationException("The run did not return its spanning tree.");
        var stages = new Stages(tree.Count, result.Sigma, result.EpsilonHigh, result.EpsilonLow, result.Cost, result.SearchSteps,
            tree.Parent, tree.EdgeLength, tree.Depth, tree.SiblingRank, tree.Order);
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, stages, Compact);
    }
}
