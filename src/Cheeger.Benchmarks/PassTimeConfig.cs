using BenchmarkDotNet.Configs;

namespace Cheeger.Benchmarks;

/// <summary>The configuration of the k-means suites that report the Lloyd loop's time per pass: adds <see cref="PassTimeColumn"/>.</summary>
public sealed class PassTimeConfig : ManualConfig
{
    /// <summary>A configuration with the ms/pass column.</summary>
    public PassTimeConfig() => AddColumn(new PassTimeColumn());
}
