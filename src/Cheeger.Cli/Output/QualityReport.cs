using Cheeger.Clustering.Data;
using Cheeger.Clustering.Metrics;

namespace Cheeger.Cli.Output;

/// <summary>The quality metrics of a labelling against the input's <c>label</c> column.</summary>
/// <param name="MisclassificationRate">1 − best one-to-one matching of clusters to classes / n; −1 counts as an error.</param>
/// <param name="AdjustedRandIndex">Hubert–Arabie ARI; all −1 points form one cluster of their own.</param>
public sealed record QualityReport(double MisclassificationRate, double AdjustedRandIndex)
{
    /// <summary>The metrics of <paramref name="labels"/>, or null when <paramref name="data"/> has no classes.</summary>
    public static QualityReport? Of(Dataset data, ReadOnlySpan<int> labels)
    {
        if (!data.HasClasses) return null;
        var quality = ClusteringQuality.Evaluate(labels, data.Classes);
        return new QualityReport(quality.MisclassificationRate, quality.AdjustedRandIndex);
    }
}
