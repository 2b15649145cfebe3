using BenchmarkDotNet.Configs;

namespace Cheeger.Benchmarks;

/// <summary>The configuration of the k-means suites that report the Lloyd loop's time per pass: adds <see cref="PassTimeDiagnoser"/>.</summary>
public sealed class PassTimeConfig : ManualConfig
{
    /// <summary>A configuration with the ms/pass column.</summary>
    public PassTimeConfig() => AddDiagnoser(new PassTimeDiagnoser());
}
