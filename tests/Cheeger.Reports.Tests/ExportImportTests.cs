using System.Text.Json;

namespace Cheeger.Reports.Tests;

/// <summary>Importing a run's exports into the folder the docs are rendered from.</summary>
public sealed class ExportImportTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AJoinedRunIsSplitBySuiteWithoutItsMeasurementsAndRendersTheSame()
    {
        string results = Directory.CreateDirectory(_folder.File("artifacts/results")).FullName;
        string joined = ExportFixture.Write(Path.Combine(results, "BenchmarkRun-joined-report-full-compressed.json"),
            new("IsoperimetricBenchmarks", "Input=wine&Backend=serial", MeanMs: 5),
            new("KMeansAllocationBenchmarks", "Passes=1&Backend=serial", MeanMs: 100, Bytes: 4_000_000));
        string exports = _folder.File("exports");

        var suites = ExportImport.Import(_folder.File("artifacts"), exports);

        Assert.Equal(["IsoperimetricBenchmarks", "KMeansAllocationBenchmarks"], suites);
        string iso = Path.Combine(exports, "IsoperimetricBenchmarks.json");
        using (var document = JsonDocument.Parse(File.ReadAllText(iso)))
        {
            var benchmark = Assert.Single(document.RootElement.GetProperty("Benchmarks").EnumerateArray());
            Assert.Equal("IsoperimetricBenchmarks", benchmark.GetProperty("Type").GetString());
            Assert.False(benchmark.TryGetProperty("Measurements", out _));
        }
        var original = BenchmarkExport.Load(joined).Of("IsoperimetricBenchmarks")!;
        Assert.Equal(BackendTimeTable.Render(original, "Input"), BackendTimeTable.Render(BenchmarkExport.Load(iso), "Input"));
    }

    [Fact]
    public void AFolderWithoutExportsIsAnErrorNamingIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ExportImport.Import(_folder.Path, _folder.File("exports")));

        Assert.Contains(_folder.Path, error.Message);
    }
}
