namespace Cheeger.Reports.Tests;

/// <summary>The tables, rendered from a small fixture export whose numbers are known.</summary>
public sealed class TableTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void KMeansPassTableShowsCallAndLoopPerBackendReferenceFirstWithTheLoopSpeedUp()
    {
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("iteration.json"),
            new("KMeansIterationBenchmarks", "N=10000&K=10&Backend=parallel", MeanMs: 0.5, PassMs: 0.25),
            new("KMeansIterationBenchmarks", "N=10000&K=10&Backend=serial", MeanMs: 2, PassMs: 1.5),
            new("KMeansIterationBenchmarks", "N=1000000&K=10&Backend=serial", MeanMs: 150, PassMs: 140)));

        string[] lines = KMeansPassTable.Render(export).TrimEnd().Split('\n');

        Assert.Equal("| N | k | serial call / loop (ms) | parallel call / loop (ms) | serial ÷ parallel (loop) |", lines[0]);
        Assert.Equal("| 1e4 | 10 | 2.00 / 1.50 | 0.500 / 0.250 | 6.0× |", lines[2]);
        // A case that did not run shows a dash, and so does its ratio: nothing is filled in.
        Assert.Equal("| 1e6 | 10 | 150 / 140 | — / — | — |", lines[3]);
    }

    [Fact]
    public void WorkersTableGivesTheSpeedUpOverTheBackendsOwnOneWorkerTimeAndNothingUnmeasured()
    {
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("workers.json"),
            new("KMeansWorkersBenchmarks", "N=10000&K=10&Workers=1&Backend=parallel", MeanMs: 9, PassMs: 1.0),
            new("KMeansWorkersBenchmarks", "N=10000&K=10&Workers=2&Backend=parallel", MeanMs: 9, PassMs: 0.5),
            new("KMeansWorkersBenchmarks", "N=100000&K=10&Workers=1&Backend=parallel", MeanMs: 9, PassMs: 4.0),
            new("KMeansWorkersBenchmarks", "N=100000&K=10&Workers=4&Backend=parallel", MeanMs: 9, PassMs: 5.0)));

        string text = KMeansWorkersTable.Render(export);

        Assert.Contains("**parallel**", text);
        Assert.Contains("| N | k | W = 1 | W = 2 | W = 4 |", text);
        Assert.Contains("| 1e4 | 10 | 1.00 (1.00×) | 0.500 (2.00×) | — |", text);
        Assert.Contains("| 1e5 | 10 | 4.00 (1.00×) | — | 5.00 (0.80×) |", text);
    }

    [Fact]
    public void AllocationTableGivesBytesAndTimePerExtraPass()
    {
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("allocation.json"),
            new("KMeansAllocationBenchmarks", "Passes=1&Backend=serial", MeanMs: 100, Bytes: 4_000_000),
            new("KMeansAllocationBenchmarks", "Passes=6&Backend=serial", MeanMs: 600, Bytes: 4_000_500)));

        string[] lines = KMeansAllocationTable.Render(export).TrimEnd().Split('\n');

        Assert.Equal("| serial | 4,000,000 | 4,000,500 | 100 | 100 | 600 | 100 |", lines[2]);
    }

    [Fact]
    public void BackendTimeTableHasARowPerDataSetAndTheSpeedUpOfEachBackendOverTheSerialReference()
    {
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("iso.json"),
            new("IsoperimetricBenchmarks", "Input=winequality_white.csv&Backend=native-cpu", MeanMs: 1),
            new("IsoperimetricBenchmarks", "Input=winequality_white.csv&Backend=serial", MeanMs: 5),
            new("IsoperimetricBenchmarks", "Input=yeast&Backend=native-cpu", MeanMs: 20),
            new("IsoperimetricBenchmarks", "Input=yeast&Backend=serial", MeanMs: 30),
            // Slower than serial on both rows: still after the reference, whose speed-ups the ratios are.
            new("IsoperimetricBenchmarks", "Input=winequality_white.csv&Backend=parallel", MeanMs: 10),
            new("IsoperimetricBenchmarks", "Input=yeast&Backend=parallel", MeanMs: 60)));

        string[] lines = BackendTimeTable.Render(export, "Input").TrimEnd().Split('\n');

        Assert.Equal("| input | serial (ms) | parallel (ms) | native-cpu (ms) | serial ÷ parallel | serial ÷ native-cpu |", lines[0]);
        // The whole value, not BenchmarkDotNet's shortened display of it.
        Assert.Equal("| winequality_white.csv | 5.00 | 10.0 | 1.00 | 0.5× | 5.0× |", lines[2]);
        Assert.Equal("| yeast | 30.0 | 60.0 | 20.0 | 0.5× | 1.5× |", lines[3]);
    }

    [Fact]
    public void SpanningTreeScaleTableGivesEndToEndAndTreeTimesPerAlgorithmAndBackendTheKdTreesSpeedUpAndPeakBytesPerPoint()
    {
        const string Suite = "SpanningTreeScaleBenchmarks";
        static ExportFixture.Case Case(string method, string parameters, double meanMs, double peak, double? treePhase = null) =>
            new(Suite, parameters, meanMs, Method: method, Metrics: treePhase is { } phase
                ? new Dictionary<string, double> { ["PeakBytesPerPoint"] = peak, ["TreePhase"] = phase }
                : new Dictionary<string, double> { ["PeakBytesPerPoint"] = peak });
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("scale.json"),
            Case("EndToEnd", "Data=uniform&N=100000&D=2&Tree=prim&Backend=native-cpu", 5000, 300.4, treePhase: 4800),
            Case("EndToEnd", "Data=uniform&N=100000&D=2&Tree=kdtree&Backend=native-cpu", 500, 320, treePhase: 300),
            Case("SpanningTree", "Data=uniform&N=100000&D=2&Tree=kdtree&Backend=native-cpu", 400, 366),
            Case("EndToEnd", "Data=uniform&N=100000&D=2&Tree=prim&Backend=parallel", 8000, 350, treePhase: 7600),
            Case("SpanningTree", "Data=uniform&N=100000&D=2&Tree=prim&Backend=parallel", 7500, 160),
            Case("EndToEnd", "Data=uniform&N=100000&D=2&Tree=kdtree&Backend=parallel", 1000, 360, treePhase: 800),
            Case("SpanningTree", "Data=uniform&N=100000&D=2&Tree=kdtree&Backend=parallel", 750, 164),
            Case("EndToEnd", "Data=clustered&N=10000000&D=2&Tree=kdtree&Backend=native-cpu", 40000, 250, treePhase: 31000),
            Case("SpanningTree", "Data=clustered&N=10000000&D=2&Tree=kdtree&Backend=native-cpu", 30000, 280),
            Case("EndToEnd", "Data=uniform&N=100000&D=10&Tree=prim&Backend=native-cpu", 9000, 410, treePhase: 8500)));

        string text = SpanningTreeScaleTable.Render(export);
        string[] lines = text.Split('\n');

        Assert.Contains("| n × D, data | prim, native-cpu | prim, parallel | kdtree, native-cpu | kdtree, parallel | prim ÷ kdtree, native-cpu (tree) | prim ÷ kdtree, parallel (tree) |", lines);
        // native-cpu's Prim has no tree-alone case here: its tree is the end-to-end run's own phase, marked; the speed-up
        // is taken over the trees shown (4800 ÷ 400, 7500 ÷ 750).
        Assert.Contains("| 1e5 × 2, uniform | 5000 / 4800\\* | 8000 / 7500 | 500 / 400 | 1000 / 750 | 12.0× | 10.0× |", lines);
        // Rows by n, then D as a number (10 after 2); what did not run is a dash.
        int small = Array.IndexOf(lines, "| 1e5 × 2, uniform | 5000 / 4800\\* | 8000 / 7500 | 500 / 400 | 1000 / 750 | 12.0× | 10.0× |");
        Assert.Equal("| 1e5 × 10, uniform | 9000 / 8500\\* | — / — | — / — | — / — | — | — |", lines[small + 1]);
        Assert.Equal("| 1e7 × 2, clustered | — / — | — / — | 40000 / 30000 | — / — | — | — |", lines[small + 2]);
        Assert.Contains(SpanningTreeScaleTable.InRunNote, lines);
        Assert.Contains("| n × D, data | prim, native-cpu | prim, parallel | kdtree, native-cpu | kdtree, parallel |", lines);
        Assert.Contains("| 1e5 × 2, uniform | 300 / — | 350 / 160 | 320 / 366 | 360 / 164 |", lines);
        Assert.Contains("| 1e7 × 2, clustered | — / — | — / — | 250 / 280 | — / — |", lines);
    }

    [Fact]
    public void TheCaptionTakesMachineDateAndJobFromTheExport()
    {
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("iso.json"),
            new ExportFixture.Case("IsoperimetricBenchmarks", "Input=wine&Backend=serial", MeanMs: 5)));

        string caption = ExportCaption.Of(export);

        Assert.Equal(
            "_From `iso.json` (job ShortRun): Fixture CPU 9000, 4 cores (8 logical), Linux Fixture OS 1, .NET 10.0.1 (fixture), BenchmarkDotNet 0.15.8; taken 2026-11-23 10:20._",
            caption);
    }

    [Fact]
    public void AJobBenchmarkDotNetNamedItselfIsCaptionedByItsCharacteristics()
    {
        // A suite's own mutator over the default job (SpanningTreeScaleConfig) runs as "Job-" and a generated id.
        var export = BenchmarkExport.Load(ExportFixture.Write(_folder.File("scale.json"),
            new ExportFixture.Case("SpanningTreeScaleBenchmarks", "Data=uniform&N=100000", MeanMs: 5,
                Job: "Job-DHSZFT(Toolchain=InProcessEmitToolchain, IterationCount=1, RunStrategy=Monitoring, WarmupCount=0)")));

        string caption = ExportCaption.Of(export);

        Assert.StartsWith("_From `scale.json` (job IterationCount=1, RunStrategy=Monitoring, WarmupCount=0): Fixture CPU 9000", caption);
    }

    [Fact]
    public void AnExportWithoutADateInItsTitleIsRefusedByName()
    {
        string path = ExportFixture.Write(_folder.File("undated.json"), new ExportFixture.Case("IsoperimetricBenchmarks", "Input=wine&Backend=serial", MeanMs: 5));
        File.WriteAllText(path, File.ReadAllText(path).Replace(ExportFixture.Title, "BenchmarkRun", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => BenchmarkExport.Load(path));

        Assert.Contains("undated.json", error.Message);
        Assert.Contains("ends in no date", error.Message);
    }
}
