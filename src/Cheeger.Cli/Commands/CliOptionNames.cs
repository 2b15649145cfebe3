using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Cli.Commands;

/// <summary>
/// The command-line flag of each library option, so that an error the library words as <c>k must be at least 1</c>
/// reaches the user as <c>--k must be at least 1</c>, the way they typed it.
/// </summary>
internal static class CliOptionNames
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        [nameof(KMeansOptions.K)] = "--k",
        [nameof(KMeansOptions.Seed)] = "--seed",
        [nameof(KMeansOptions.Init)] = "--init",
        [nameof(KMeansOptions.MaxIterations)] = "--max-iterations",
        [nameof(KMeansOptions.Tolerance)] = "--tolerance",
        [nameof(KMeansOptions.Workers)] = "--workers",
        [nameof(KMeansOptions.Precision)] = "--precision",
        [nameof(IsoperimetricOptions.SpanningTree)] = "--spanning-tree",
        [nameof(IsoperimetricOptions.Kernel)] = "--kernel",
        [nameof(IsoperimetricOptions.Sigma)] = "--sigma",
        [nameof(IsoperimetricOptions.SigmaScale)] = "--sigma-scale",
        [nameof(IsoperimetricOptions.Weight)] = "--weight",
        [nameof(IsoperimetricOptions.Beta)] = "--beta",
        [nameof(IsoperimetricOptions.Standardize)] = "--standardize",
        [nameof(IsoperimetricOptions.FullLabels)] = "--full",
    };

    /// <summary>The flag of the option <paramref name="propertyName"/>; the library's words for one the command line does not offer.</summary>
    public static string Flag(string propertyName) =>
        Flags.TryGetValue(propertyName, out string? flag) ? flag : Clustering.OptionWords.Of(propertyName);
}
