using System.Text.Json.Nodes;

namespace Cheeger.Reports;

/// <summary>
/// Copies the JSON exports of a benchmark run (BenchmarkDotNet's artifacts folder, e.g. artifacts/benchmarks) into
/// the folder the docs are rendered from, one file per suite named after it (a joined run's export is split by
/// suite), replacing that suite's earlier export. Each case's raw <c>Measurements</c> (every pilot, warm-up and
/// measured iteration) are left out, which halves the files that are committed; the statistics computed from them
/// stay, and the reports read nothing else.
/// </summary>
public static class ExportImport
{
    /// <summary>The files BenchmarkDotNet's full compressed JSON exporter writes (the one Cheeger.Benchmarks configures).</summary>
    public const string ExportPattern = "*-report-full-compressed.json";

    /// <summary>Imports every export under <paramref name="artifacts"/>; returns the suites imported.</summary>
    public static IReadOnlyList<string> Import(string artifacts, string exportsFolder)
    {
        var files = Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, ExportPattern, SearchOption.AllDirectories) : [];
        if (files.Length == 0) throw new FileNotFoundException($"No BenchmarkDotNet export ({ExportPattern}) under {artifacts}.");
        Directory.CreateDirectory(exportsFolder);
        var existing = ExportSet.Load(exportsFolder);
        var imported = new List<string>();
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string json = File.ReadAllText(file);
            foreach (string suite in BenchmarkExport.Load(file).Suites)
            {
                if (imported.Contains(suite)) throw new InvalidDataException($"{suite} is in two exports under {artifacts}; import one run at a time.");
                if (existing.Find(suite) is { } earlier) File.Delete(earlier.Path);
                File.WriteAllText(Path.Combine(exportsFolder, suite + ".json"), SuiteOnly(json, suite));
                imported.Add(suite);
            }
        }
        return imported;
    }

    /// <summary>The export <paramref name="json"/> with only the cases of <paramref name="suite"/>, without their Measurements, as compact JSON.</summary>
    public static string SuiteOnly(string json, string suite)
    {
        var root = JsonNode.Parse(json)!;
        var benchmarks = root["Benchmarks"]!.AsArray();
        foreach (var other in benchmarks.Where(b => (string?)b!["Type"] != suite).ToList()) benchmarks.Remove(other);
        foreach (var benchmark in benchmarks) benchmark!.AsObject().Remove("Measurements");
        return root.ToJsonString();
    }
}
