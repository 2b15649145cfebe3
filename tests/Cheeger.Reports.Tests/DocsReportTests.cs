namespace Cheeger.Reports.Tests;

/// <summary>docs/benchmarks.md: its generated tables are exactly what its committed exports render to.</summary>
public sealed class DocsReportTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheCommittedBenchmarkTablesEqualAReRenderOfTheCommittedExports()
    {
        var report = DocsReport.InRepository(Repository.Root);
        string committed = File.ReadAllText(report.Document);

        Assert.NotEmpty(GeneratedRegions.Names(committed));
        // On a difference: ./build.sh Report re-renders the tables (and charts) from docs/benchmarks/exports.
        Assert.Equal(report.Render(committed), committed);
    }

    [Fact]
    public void ARegionIsRenderedFromItsSuitesExportAndOneWithoutAnExportSaysSo()
    {
        string docs = Directory.CreateDirectory(_folder.File("docs")).FullName;
        string exports = Directory.CreateDirectory(_folder.File("docs/benchmarks/exports")).FullName;
        File.Copy(Path.Combine(Repository.Root, "docs", "kmeans-study.md"), Path.Combine(docs, "kmeans-study.md"));
        ExportFixture.Write(Path.Combine(exports, "IsoperimetricBenchmarks.json"),
            new("IsoperimetricBenchmarks", "Input=wine&Backend=serial", MeanMs: 5),
            new("IsoperimetricBenchmarks", "Input=wine&Backend=parallel", MeanMs: 2));
        File.WriteAllText(Path.Combine(docs, "benchmarks.md"),
            "Prose.\n<!-- report:iso -->\n<!-- /report:iso -->\nMore prose.\n<!-- report:gpu-kmeans -->\nstale\n<!-- /report:gpu-kmeans -->\n"
            + "<!-- report:spanning-tree-scale -->\n<!-- /report:spanning-tree-scale -->\n");
        var report = DocsReport.InRepository(_folder.Path);

        var charts = report.Write();
        string rendered = File.ReadAllText(report.Document);

        Assert.StartsWith("Prose.\n<!-- report:iso -->\n_From `benchmarks/exports/IsoperimetricBenchmarks.json` (job ShortRun): Fixture CPU 9000", rendered);
        Assert.Contains("| wine | 5.00 | 2.00 | 2.5× |", rendered);
        Assert.Contains("![iso-wine](img/iso-wine.png)", rendered);
        Assert.Contains("<!-- /report:iso -->\nMore prose.\n", rendered);
        Assert.Contains("<!-- report:gpu-kmeans -->\n_No export of GpuKMeansIterationBenchmarks in benchmarks/exports yet._\n<!-- /report:gpu-kmeans -->", rendered);
        Assert.Contains("<!-- report:spanning-tree-scale -->\n_No export of SpanningTreeScaleBenchmarks in benchmarks/exports yet._\n<!-- /report:spanning-tree-scale -->", rendered);
        Assert.Equal([Path.Combine(docs, "img", "iso-wine.png")], charts);
        Assert.True(new FileInfo(charts[0]).Length > 0);
        // Rendering again changes nothing.
        Assert.Equal(rendered, report.Render());
    }

    [Fact]
    public void ARegionNoReportKnowsIsAnErrorNamingIt()
    {
        string docs = Directory.CreateDirectory(_folder.File("docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "benchmarks.md"), "<!-- report:typo -->\n<!-- /report:typo -->\n");

        var error = Assert.Throws<InvalidDataException>(() => DocsReport.InRepository(_folder.Path).Render());

        Assert.Contains("'typo'", error.Message);
    }
}
