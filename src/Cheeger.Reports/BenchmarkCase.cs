using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cheeger.Reports;

/// <summary>One case of an export: its suite and method, parameters, job, mean time, allocation and metrics.</summary>
public sealed partial record BenchmarkCase(
    string Suite, string Method, IReadOnlyDictionary<string, string> Parameters, string Job,
    double? MeanNanoseconds, long? BytesAllocated, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The id of the ms/pass metric of the k-means suites (Cheeger.Benchmarks' PassTimeDiagnoser).</summary>
    public const string PassTimeMetric = "PassTime";

    /// <summary>The id of the peak-memory metric (bytes per point; Cheeger.Benchmarks' PeakMemoryDiagnoser).</summary>
    public const string PeakBytesPerPointMetric = "PeakBytesPerPoint";

    /// <summary>The id of the in-run spanning-tree phase metric (ms; Cheeger.Benchmarks' TreePhaseDiagnoser).</summary>
    public const string TreePhaseMetric = "TreePhase";

    /// <summary>The mean of the whole call in milliseconds; null when the case did not run.</summary>
    public double? MeanMilliseconds => MeanNanoseconds / 1e6;

    /// <summary>The backend's own loop time per pass (the ms/pass metric), or null when the export has none.</summary>
    public double? PassMilliseconds => Metric(PassTimeMetric);

    /// <summary>The value of the metric <paramref name="id"/>, or null when the export has none.</summary>
    public double? Metric(string id) => Metrics.TryGetValue(id, out double value) ? value : null;

    /// <summary>The value of a parameter, or "" when the case has none of that name.</summary>
    public string Parameter(string name) => Parameters.TryGetValue(name, out string? value) ? value : "";

    internal static BenchmarkCase From(JsonElement benchmark)
    {
        // From the full name, "Cheeger.Benchmarks.IsoperimetricBenchmarks.EndToEnd(Input: "winequality_white.csv",
        // Backend: "serial")": the "Parameters" field shortens long values ("wineq(...)e.csv [21]").
        string fullName = benchmark.GetProperty("FullName").GetString() ?? "";
        int open = fullName.IndexOf('(', StringComparison.Ordinal);
        var parameters = open < 0
            ? new Dictionary<string, string>()
            : FullNameParameter().Matches(fullName[open..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value.Trim());
        double? mean = benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
            ? statistics.GetProperty("Mean").GetDouble()
            : null;
        long? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes) && bytes.ValueKind == JsonValueKind.Number
            ? bytes.GetInt64()
            : null;
        var metrics = benchmark.TryGetProperty("Metrics", out var list)
            ? list.EnumerateArray().ToDictionary(m => m.GetProperty("Descriptor").GetProperty("Id").GetString()!, m => m.GetProperty("Value").GetDouble())
            : new Dictionary<string, double>();
        return new BenchmarkCase(
            benchmark.GetProperty("Type").GetString()!, benchmark.GetProperty("Method").GetString()!, parameters,
            JobOf(benchmark.GetProperty("DisplayInfo").GetString() ?? ""), mean, allocated, metrics);
    }

    /// <summary>
    /// The job's name, or for a job BenchmarkDotNet named itself ("Job-DHSZFT": no name given, as for a suite's own
    /// mutator over the default job) its characteristics but the toolchain, which say what the name would.
    /// </summary>
    private static string JobOf(string displayInfo)
    {
        var job = JobName().Match(displayInfo);
        if (!job.Success) return "unknown";
        if (!GeneratedJobId().IsMatch(job.Groups[1].Value)) return job.Groups[1].Value;
        var characteristics = job.Groups[2].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !c.StartsWith("Toolchain=", StringComparison.Ordinal));
        return string.Join(", ", characteristics);
    }

    /// <summary>"Name: value" or "Name: \"text\"" in a full name's argument list.</summary>
    [GeneratedRegex(@"(\w+): (?:""([^""]*)""|([^,)]*))")]
    private static partial Regex FullNameParameter();

    /// <summary>"KMeansIterationBenchmarks.Pass: ShortRun(IterationCount=3, ...) [N=...]": the job's name after the colon and its characteristics.</summary>
    [GeneratedRegex(@":\s*([A-Za-z0-9_-]+)\(([^)]*)\)")]
    private static partial Regex JobName();

    /// <summary>BenchmarkDotNet's id for a job given none: "Job-" and six letters or digits.</summary>
    [GeneratedRegex(@"^Job-[A-Z0-9]+$")]
    private static partial Regex GeneratedJobId();
}
