using System.Text;

namespace Cheeger.Reports;

/// <summary>
/// The GPU bundle's gpu-report.md (build/gpu/run-gpu.sh): the device, the bundle's commit, and the GPU suites'
/// tables rendered from their exports (machine and date from the export) the same way as docs/benchmarks.md's
/// GPU regions, then the agreement report.
/// </summary>
public static class GpuReport
{
    /// <summary>The report of a run's results folder (the layout run-gpu.sh writes).</summary>
    /// <param name="results">run-gpu.sh's --results folder.</param>
    /// <param name="device">The device as nvidia-smi names it, or what says there is none.</param>
    public static string Render(string results, string device)
    {
        var exports = ExportSet.Load(Path.Combine(results, "gpu", "benchmarks", "results"), ExportImport.ExportPattern);
        var kmeans = exports.Find(DocsReport.Suites.GpuKMeans);
        var iso = exports.Find(DocsReport.Suites.GpuIsoperimetric);
        var ilgpuIso = exports.Find(DocsReport.Suites.GpuIlgpuIsoperimetric);
        var text = new StringBuilder();
        string date = (kmeans ?? iso ?? ilgpuIso)?.Taken.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "no benchmark export";
        text.AppendLine($"# Cheeger GPU run, {date}").AppendLine();
        text.AppendLine($"Bundle: {Commit(Path.Combine(results, "manifest.txt"))}").AppendLine();
        text.AppendLine($"Device: {device}").AppendLine();
        text.AppendLine("## GPU k-means (call = whole call of the suite's passes; loop = Lloyd loop per pass, upload excluded)").AppendLine();
        text.AppendLine(kmeans is null ? "(no export)\n" : ExportCaption.Of(kmeans) + "\n\n" + KMeansPassTable.Render(kmeans));
        text.AppendLine("## CUDA isoperimetric pipeline, end to end").AppendLine();
        text.AppendLine(iso is null ? "(no export)\n" : ExportCaption.Of(iso) + "\n\n" + BackendTimeTable.Render(iso, "Input", "SpanningTree"));
        text.AppendLine("## ILGPU and native CUDA isoperimetric side by side, end to end").AppendLine();
        text.AppendLine(ilgpuIso is null ? "(no export)\n" : ExportCaption.Of(ilgpuIso) + "\n\n" + BackendTimeTable.Render(ilgpuIso, "Input", "Implementation"));
        string agreement = Path.Combine(results, "gpu", "agreement.md");
        text.Append(File.Exists(agreement)
            ? string.Join('\n', File.ReadAllLines(agreement).Select(line => line.StartsWith("# ", StringComparison.Ordinal) ? "#" + line : line)) + "\n"
            : "## Agreement: (no report)\n");
        return text.ToString();
    }

    private static string Commit(string manifest) =>
        File.Exists(manifest) && File.ReadLines(manifest).FirstOrDefault(line => line.StartsWith("commit:", StringComparison.Ordinal)) is { } line
            ? line["commit:".Length..].Trim()
            : "unknown (no manifest)";
}
