namespace Cheeger.Reports.Tests;

/// <summary>The charts: files written, PNG, not empty; the study's figures read from docs/kmeans-study.md.</summary>
public sealed class ChartTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheStudysFiguresAreReadFromItsTable()
    {
        var study = StudyFigures.Load(Path.Combine(Repository.Root, "docs", "kmeans-study.md"));

        Assert.Equal(3 * 5 * 3, study.Figures.Count);
        Assert.Equal(2.567, study.Figures.Single(f => f.K == 40 && f.Processes == 8 && f.N == "1e5").Speedup);
        Assert.Equal(0.704, study.Figures.Single(f => f.K == 10 && f.Processes == 1 && f.N == "1e4").Speedup);
    }

    [Fact]
    public void ASpeedUpChartPerKIsWritten()
    {
        var workers = BenchmarkExport.Load(ExportFixture.Write(_folder.File("workers.json"),
            new("KMeansWorkersBenchmarks", "N=10000&K=10&Workers=1&Backend=parallel", MeanMs: 9, PassMs: 1.0),
            new("KMeansWorkersBenchmarks", "N=10000&K=10&Workers=2&Backend=parallel", MeanMs: 9, PassMs: 0.5),
            new("KMeansWorkersBenchmarks", "N=10000&K=40&Workers=1&Backend=parallel", MeanMs: 9, PassMs: 2.0)));
        var study = StudyFigures.Load(Path.Combine(Repository.Root, "docs", "kmeans-study.md"));

        var charts = SpeedupCharts.Write(workers, study, _folder.File("img"));

        Assert.Equal([_folder.File("img/speedup-k10.png"), _folder.File("img/speedup-k40.png")], charts);
        Assert.All(charts, AssertPng);
    }

    [Fact]
    public void ABackendChartPerDataSetIsWritten()
    {
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("iso.json"),
            new("IsoperimetricBenchmarks", "Input=winequality_white.csv&Backend=serial", MeanMs: 100),
            new("IsoperimetricBenchmarks", "Input=winequality_white.csv&Backend=parallel", MeanMs: 40),
            new("IsoperimetricBenchmarks", "Input=uniform-1000x10&Backend=serial", MeanMs: 5)));

        var charts = BackendCharts.Write(export, "Input", "iso", _folder.File("img"));

        Assert.Equal([_folder.File("img/iso-winequality-white.png"), _folder.File("img/iso-uniform-1000x10.png")], charts);
        Assert.All(charts, AssertPng);
    }

    private static void AssertPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5_000, $"{path} has only {bytes.Length} bytes.");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }
}
