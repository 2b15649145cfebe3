using Cheeger.Clustering;

namespace Cheeger.Cli;

/// <summary>The command-line spelling of each method.</summary>
public static class ClusteringMethodNames
{
    /// <summary>The name <c>--method</c> takes for <paramref name="method"/>.</summary>
    public static string CliName(this ClusteringMethod method) => method switch
    {
        ClusteringMethod.KMeans => "kmeans",
        ClusteringMethod.Isoperimetric => "iso",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
