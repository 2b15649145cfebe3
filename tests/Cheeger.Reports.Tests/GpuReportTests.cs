namespace Cheeger.Reports.Tests;

/// <summary>The GPU bundle's gpu-report.md, from a results folder laid out as run-gpu.sh writes it.</summary>
public sealed class GpuReportTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheReportHasTheDeviceTheCommitTheGpuTablesFromTheJoinedExportAndTheAgreement()
    {
        string gpu = Directory.CreateDirectory(_folder.File("gpu/benchmarks/results")).FullName;
        ExportFixture.Write(Path.Combine(gpu, "BenchmarkRun-joined-report-full-compressed.json"),
            new("GpuKMeansIterationBenchmarks", "N=1000000&K=10&Backend=native-cuda", MeanMs: 4, PassMs: 0.2),
            new("GpuIsoperimetricBenchmarks", "Input=wine&SpanningTree=Prim", MeanMs: 30),
            new("GpuIsoperimetricBenchmarks", "Input=wine&SpanningTree=Boruvka", MeanMs: 10));
        File.WriteAllText(_folder.File("manifest.txt"), "commit:  0123abc\nruntime: 10.0.1\n");
        File.WriteAllText(_folder.File("gpu/agreement.md"), "# GPU agreement\n\n| N | agree |\n|---|---|\n| 1e6 | yes |\n");

        string report = GpuReport.Render(_folder.Path, "NVIDIA Fixture, 80 GiB, 550.00");

        Assert.StartsWith("# Cheeger GPU run, 2026-11-23\n", report);
        Assert.Contains("Bundle: 0123abc", report);
        Assert.Contains("Device: NVIDIA Fixture, 80 GiB, 550.00", report);
        Assert.Contains("Fixture CPU 9000, 4 cores (8 logical)", report);
        Assert.Contains("| 1e6 | 10 | 4.00 / 0.200 |", report);
        Assert.Contains("| wine | 30.0 | 10.0 | 3.0× |", report);
        Assert.Contains("## GPU agreement\n", report);
    }

    [Fact]
    public void WithoutExportsTheReportSaysSo()
    {
        string report = GpuReport.Render(_folder.Path, "none");

        Assert.StartsWith("# Cheeger GPU run, no benchmark export\n", report);
        Assert.Contains("(no export)", report);
        Assert.Contains("## Agreement: (no report)", report);
    }
}
