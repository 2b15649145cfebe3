using System.Text.Json;

namespace Cheeger.Reports;

/// <summary>The machine of an export, as BenchmarkDotNet recorded it (its HostEnvironmentInfo).</summary>
public sealed record BenchmarkMachine(string Processor, int PhysicalCores, int LogicalCores, string OperatingSystem, string Runtime, string BenchmarkDotNetVersion)
{
    /// <summary>One line for a report: CPU, cores, OS, runtime, BenchmarkDotNet.</summary>
    public override string ToString() =>
        $"{Processor}, {PhysicalCores} cores ({LogicalCores} logical), {OperatingSystem}, {Runtime}, BenchmarkDotNet {BenchmarkDotNetVersion}";

    internal static BenchmarkMachine From(JsonElement host) => new(
        Text(host, "ProcessorName"),
        host.TryGetProperty("PhysicalCoreCount", out var physical) ? physical.GetInt32() : 0,
        host.TryGetProperty("LogicalCoreCount", out var logical) ? logical.GetInt32() : 0,
        Text(host, "OsVersion"),
        Text(host, "RuntimeVersion"),
        Text(host, "BenchmarkDotNetVersion"));

    private static string Text(JsonElement host, string name) =>
        host.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text ? text : "unknown";
}
