namespace Cheeger.Reports;

/// <summary>
/// Copies the JSON exports of a benchmark run (BenchmarkDotNet's artifacts folder, e.g. artifacts/benchmarks) into
/// the folder the docs are rendered from, one file per suite named after it, replacing that suite's earlier export.
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
            var export = BenchmarkExport.Load(file);
            if (export.Suites.Count != 1)
                throw new InvalidDataException($"{file} holds several suites ({string.Join(", ", export.Suites)}); run one suite per command (--filter '*.Suite.*') so that each has its own export.");
            string suite = export.Suites[0];
            if (existing.Find(suite) is { } earlier) File.Delete(earlier.Path);
            File.Copy(file, Path.Combine(exportsFolder, suite + ".json"), overwrite: true);
            imported.Add(suite);
        }
        return imported;
    }
}
