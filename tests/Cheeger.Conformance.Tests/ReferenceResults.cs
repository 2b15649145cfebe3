using System.Collections.Concurrent;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Conformance.Tests;

/// <summary>The serial reference's results, computed once per input and options and shared by every target's test.</summary>
internal static class ReferenceResults
{
    private static readonly ConcurrentDictionary<string, Lazy<IsoperimetricResult>> Isoperimetric = new();
    private static readonly ConcurrentDictionary<string, Lazy<KMeansResult>> KMeans = new();

    /// <summary>The serial isoperimetric result of <paramref name="data"/> under <paramref name="options"/>.</summary>
    public static IsoperimetricResult Of(Dataset data, IsoperimetricOptions options) =>
        Isoperimetric.GetOrAdd($"{data.Name}|{data.Count}|{options}", _ => new Lazy<IsoperimetricResult>(
            () => new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken))).Value;

    /// <summary>The serial k-means result of <paramref name="data"/> from <paramref name="start"/>.</summary>
    public static KMeansResult Of(Dataset data, KMeansOptions options, double[] start) =>
        KMeans.GetOrAdd($"{data.Name}|{data.Count}|{options}", _ => new Lazy<KMeansResult>(
            () => new SerialKMeans().Run(data, options, start, TestContext.Current.CancellationToken))).Value;
}
