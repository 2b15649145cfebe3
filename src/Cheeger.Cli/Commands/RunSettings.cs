using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Cli.Commands;

/// <summary>What to run, as read from the command line: the input, the method and the options of that method.</summary>
/// <param name="InputPath">The CSV file.</param>
/// <param name="Method">The method.</param>
/// <param name="KMeans">k-means options (used when <paramref name="Method"/> is k-means).</param>
/// <param name="Isoperimetric">Isoperimetric options (used when <paramref name="Method"/> is iso).</param>
/// <param name="SampleRows">When set, cluster a seeded random sample of this many rows instead of the whole file.</param>
/// <param name="SampleSeed">The seed of that sample.</param>
public sealed record RunSettings(string InputPath, ClusteringMethod Method, KMeansOptions KMeans, IsoperimetricOptions Isoperimetric,
    int? SampleRows = null, ulong SampleSeed = 0)
{
    /// <summary>The number of clusters asked for.</summary>
    public int K => Method == ClusteringMethod.KMeans ? KMeans.K : Isoperimetric.K;

    /// <summary>Checks the options of the chosen method against the data.</summary>
    public void Validate(Dataset data)
    {
        if (Method == ClusteringMethod.KMeans) KMeans.Validate(data);
        else Isoperimetric.Validate(data);
    }
}
