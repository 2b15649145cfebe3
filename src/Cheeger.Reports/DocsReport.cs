using System.Text;

namespace Cheeger.Reports;

/// <summary>
/// docs/benchmarks.md's generated regions and charts, from the exports in docs/benchmarks/exports: each region
/// names what it shows (below), and is rendered from its suite's export with the export's machine and date, or
/// says that the export is missing. The charts go to docs/img.
/// </summary>
public sealed class DocsReport(string document, string exportsFolder, string imagesFolder, string studyPath)
{
    /// <summary>The report of the repository at <paramref name="root"/>, with its usual paths.</summary>
    public static DocsReport InRepository(string root) => new(
        Path.Combine(root, "docs", "benchmarks.md"), Path.Combine(root, "docs", "benchmarks", "exports"),
        Path.Combine(root, "docs", "img"), Path.Combine(root, "docs", "kmeans-study.md"));

    /// <summary>The document's path.</summary>
    public string Document => document;

    /// <summary>The document as it would be rendered now: its regions from the exports.</summary>
    public string Render() => Render(File.ReadAllText(document));

    /// <summary><paramref name="text"/> with its regions rendered from the exports.</summary>
    public string Render(string text) => Render(text, ExportSet.Load(exportsFolder));

    /// <summary>Renders the document in place and draws the charts; returns the chart files.</summary>
    public IReadOnlyList<string> Write()
    {
        var exports = ExportSet.Load(exportsFolder);
        File.WriteAllText(document, Render(File.ReadAllText(document), exports));
        var charts = new List<string>();
        if (exports.Find(Suites.Workers) is { } workers) charts.AddRange(SpeedupCharts.Write(workers, StudyFigures.Load(studyPath), imagesFolder));
        if (exports.Find(Suites.Isoperimetric) is { } iso) charts.AddRange(BackendCharts.Write(iso, "Input", "iso", imagesFolder));
        if (exports.Find(Suites.Table1) is { } table1) charts.AddRange(BackendCharts.Write(table1, "Row", "table1", imagesFolder));
        return charts;
    }

    private string Render(string text, ExportSet exports) => GeneratedRegions.Replace(text, name => Region(name, exports));

    private string Region(string name, ExportSet exports)
    {
        (string Suite, Func<BenchmarkExport, string> Render) region = name switch
        {
            "kmeans-iteration" => (Suites.Iteration, KMeansPassTable.Render),
            "kmeans-allocation" => (Suites.Allocation, KMeansAllocationTable.Render),
            "kmeans-workers" => (Suites.Workers, WorkersWithCharts),
            "iso" => (Suites.Isoperimetric, export => WithCharts(export, "Input", "iso")),
            "iso-table1" => (Suites.Table1, export => WithCharts(export, "Row", "table1")),
            "spanning-tree-scale" => (Suites.SpanningTreeScale, SpanningTreeScaleTable.Render),
            "gpu-kmeans" => (Suites.GpuKMeans, KMeansPassTable.Render),
            "gpu-iso" => (Suites.GpuIsoperimetric, export => BackendTimeTable.Render(export, "Input", "SpanningTree")),
            "gpu-ilgpu-iso" => (Suites.GpuIlgpuIsoperimetric, export => BackendTimeTable.Render(export, "Input", "Implementation")),
            _ => throw new InvalidDataException($"{document}: no report renders the region '{name}'."),
        };
        string folder = Path.GetDirectoryName(Path.GetFullPath(document))!;
        return exports.Find(region.Suite) is { } found
            ? ExportCaption.Of(found, folder) + "\n\n" + region.Render(found)
            : $"_No export of {region.Suite} in {Path.GetRelativePath(folder, exportsFolder).Replace('\\', '/')} yet._\n";
    }

    private string WorkersWithCharts(BenchmarkExport workers) =>
        KMeansWorkersTable.Render(workers) + "\n" + SpeedupChartLinks(workers);

    private string WithCharts(BenchmarkExport export, string rowParameter, string prefix) =>
        BackendTimeTable.Render(export, rowParameter) + "\n" + ChartLinks(export, rowParameter, prefix);

    private string SpeedupChartLinks(BenchmarkExport workers) =>
        Links(workers.Values("K").Select(k => ($"speed-up, k = {k}", $"speedup-k{k}.png")));

    private string ChartLinks(BenchmarkExport export, string rowParameter, string prefix) =>
        Links(BackendCharts.FileNames(export, rowParameter, prefix).Select(file => (Path.GetFileNameWithoutExtension(file), file)));

    private string Links(IEnumerable<(string Text, string File)> images)
    {
        string relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(document))!, imagesFolder).Replace('\\', '/');
        var text = new StringBuilder();
        foreach (var (alt, file) in images) text.Append($"![{alt}]({relative}/{file}) ");
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The suites (benchmark classes of Cheeger.Benchmarks) the regions are rendered from.</summary>
    public static class Suites
    {
        /// <summary>K-means per pass.</summary>
        public const string Iteration = "KMeansIterationBenchmarks";

        /// <summary>Allocation per pass.</summary>
        public const string Allocation = "KMeansAllocationBenchmarks";

        /// <summary>The study's worker counts.</summary>
        public const string Workers = "KMeansWorkersBenchmarks";

        /// <summary>Isoperimetric clustering end to end.</summary>
        public const string Isoperimetric = "IsoperimetricBenchmarks";

        /// <summary>The paper's Table 1.</summary>
        public const string Table1 = "IsoperimetricTable1Benchmarks";

        /// <summary>The spanning-tree algorithms at 1e5 to 1e7 points, end to end and the tree alone, with peak memory.</summary>
        public const string SpanningTreeScale = "SpanningTreeScaleBenchmarks";

        /// <summary>GPU k-means.</summary>
        public const string GpuKMeans = "GpuKMeansIterationBenchmarks";

        /// <summary>The CUDA isoperimetric pipeline.</summary>
        public const string GpuIsoperimetric = "GpuIsoperimetricBenchmarks";

        /// <summary>The ILGPU and native CUDA isoperimetric pipelines side by side.</summary>
        public const string GpuIlgpuIsoperimetric = "GpuIlgpuIsoperimetricBenchmarks";
    }
}
