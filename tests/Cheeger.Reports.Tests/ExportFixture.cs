using System.Text.Json;

namespace Cheeger.Reports.Tests;

/// <summary>
/// Small BenchmarkDotNet exports written for a test, in the shape BenchmarkDotNet 0.15's JSON exporter writes
/// (Title, HostEnvironmentInfo, Benchmarks with Type, Method, Parameters, DisplayInfo, Statistics, Memory, Metrics),
/// on a made-up machine so that a report that copied anything from elsewhere would show.
/// </summary>
internal static class ExportFixture
{
    public const string Processor = "Fixture CPU 9000";
    public const string Title = "BenchmarkRun-joined-2026-11-23-10-20-30";

    /// <summary>
    /// A case: suite, parameters ("N=10000&amp;K=10&amp;Backend=serial"), mean in ms, ms/pass (or none), bytes allocated,
    /// the benchmark method, further metrics by id, and the job's display text.
    /// </summary>
    public sealed record Case(string Suite, string Parameters, double MeanMs, double? PassMs = null, long Bytes = 0,
        string Method = "Run", IReadOnlyDictionary<string, double>? Metrics = null, string Job = ShortRunJob);

    /// <summary>The job as BenchmarkDotNet's display text names it.</summary>
    public const string ShortRunJob = "ShortRun(IterationCount=3, LaunchCount=1, WarmupCount=3)";

    /// <summary>Writes the export of <paramref name="cases"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, params Case[] cases)
    {
        var export = new
        {
            Title,
            HostEnvironmentInfo = new
            {
                BenchmarkDotNetCaption = "BenchmarkDotNet", BenchmarkDotNetVersion = "0.15.8", OsVersion = "Linux Fixture OS 1",
                ProcessorName = Processor, PhysicalProcessorCount = 1, PhysicalCoreCount = 4, LogicalCoreCount = 8,
                RuntimeVersion = ".NET 10.0.1 (fixture)", Architecture = "X64",
            },
            Benchmarks = cases.Select(c => new
            {
                DisplayInfo = $"{c.Suite}.{c.Method}: {c.Job} [{c.Parameters.Replace('&', ',')}]",
                Namespace = "Cheeger.Benchmarks",
                Type = c.Suite,
                Method = c.Method,
                // BenchmarkDotNet shortens long values in Parameters; the full name has them whole.
                Parameters = string.Join('&', Pairs(c.Parameters).Select(p => $"{p.Name}={(p.Value.Length > 15 ? p.Value[..5] + "(...)" + p.Value[^5..] + $" [{p.Value.Length}]" : p.Value)}")),
                FullName = $"Cheeger.Benchmarks.{c.Suite}.{c.Method}({string.Join(", ", Pairs(c.Parameters).Select(p => int.TryParse(p.Value, out _) ? $"{p.Name}: {p.Value}" : $"{p.Name}: \"{p.Value}\""))})",
                Statistics = new { Mean = c.MeanMs * 1e6, N = 3 },
                Memory = new { BytesAllocatedPerOperation = c.Bytes },
                Measurements = new[] { new { IterationMode = "Workload", Nanoseconds = c.MeanMs * 1e6 } },
                Metrics = (c.PassMs is { } pass ? new Dictionary<string, double> { ["PassTime"] = pass } : new Dictionary<string, double>())
                    .Concat(c.Metrics ?? new Dictionary<string, double>())
                    .Select(m => new { Value = m.Value, Descriptor = new { Id = m.Key, DisplayName = m.Key } }),
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(export));
        return path;
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string parameters) =>
        parameters.Split('&').Select(pair => pair.Split('=', 2)).Select(pair => (pair[0], pair[1]));
}
