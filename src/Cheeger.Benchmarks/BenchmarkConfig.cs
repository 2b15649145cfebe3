using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;

namespace Cheeger.Benchmarks;

/// <summary>
/// The configuration every Cheeger suite shares: markdown and JSON exports (docs/benchmarks.md is regenerated
/// from them), allocation columns, and two jobs: a short one for quick checks and the default for published numbers.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Categories, so one can run a method's suites alone (<c>--anyCategories kmeans</c>).</summary>
    public static class Categories
    {
        /// <summary>K-means suites.</summary>
        public const string KMeans = "kmeans";

        /// <summary>Isoperimetric suites.</summary>
        public const string Isoperimetric = "iso";

        /// <summary>Suites over worker counts (the speed-up tables).</summary>
        public const string Workers = "workers";

        /// <summary>Other libraries, measured beside ours.</summary>
        public const string Peer = "peer";

        /// <summary>
        /// Suites at 1e5 to 1e7 points that run for a quarter of an hour and more. In no other category, so that a run by
        /// category (run-gpu.sh's <c>kmeans iso peer</c>) leaves them out; the test suite's dry run of every suite too.
        /// </summary>
        public const string Scale = "scale";

        /// <summary>GPU backends at GPU sizes (run from the GPU bundle, build/gpu/run-gpu.sh).</summary>
        public const string Gpu = "gpu";
    }

    /// <summary>Builds the shared configuration; <c>CHEEGER_BENCH_SHORT=1</c> selects the short job.</summary>
    public BenchmarkConfig() : this(withJob: true)
    {
    }

    /// <summary>Builds the shared configuration, without a job when the command line names one (<c>--job</c>).</summary>
    /// <param name="withJob">false: the command line's <c>--job</c> is the only job (else BenchmarkDotNet would run both).</param>
    public BenchmarkConfig(bool withJob)
    {
        // AsDefault: the job the command line's --inProcess modifies, not one more job beside it (which would need
        // the SDK's default toolchain where run-gpu.sh runs in process without an SDK).
        if (withJob)
            AddJob((Environment.GetEnvironmentVariable("CHEEGER_BENCH_SHORT") == "1" ? Job.ShortRun : Job.Default).AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        // JSON with the metrics (the brief export leaves them out, ms/pass among them): docs/benchmarks.md is rendered from it.
        AddExporter(MarkdownExporter.GitHub, JsonExporter.FullCompressed);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        WithOptions(ConfigOptions.JoinSummary);
    }
}
