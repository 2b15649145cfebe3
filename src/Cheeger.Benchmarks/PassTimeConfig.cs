using BenchmarkDotNet.Configs;

namespace Cheeger.Benchmarks;

/// <summary>The configuration of the k-means suites that report the Lloyd loop's time per pass: adds <see cref="PassTimeDiagnoser"/>.</summary>
public sealed class PassTimeConfig : ManualConfig
{
    /// <summary>A configuration with the ms/pass metric (a column of the summary, a metric of the JSON export).</summary>
    public PassTimeConfig() => AddDiagnoser(new PassTimeDiagnoser());
}
