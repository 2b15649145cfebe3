using System.Globalization;
using System.Text;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Reports;

/// <summary>
/// The spanning-tree algorithms at scale (SpanningTreeScaleBenchmarks): a row per input (n × D, data), a column per
/// algorithm and backend. The time table gives the end-to-end mean and the tree's time: the tree-alone benchmark
/// where there is one, else (marked *) the tree phase inside the end-to-end run; then the kd-tree's speed-up over
/// Prim on the tree, per backend. The memory table gives the peak bytes per point of both benchmarks.
/// </summary>
public static class SpanningTreeScaleTable
{
    /// <summary>The benchmark of the whole pipeline.</summary>
    public const string EndToEnd = "EndToEnd";

    /// <summary>The benchmark of the tree alone.</summary>
    public const string TreeAlone = "SpanningTree";

    /// <summary>What the * after a tree time means.</summary>
    public const string InRunNote =
        "\\* the tree phase inside the end-to-end run (the export has no tree-alone case for it).";

    /// <summary>Both tables of <paramref name="export"/>, each under a line saying what its cells are.</summary>
    public static string Render(BenchmarkExport export)
    {
        var columns = Columns(export);
        var rows = Rows(export);
        var trees = columns.Select(c => c.Tree).Distinct().ToList();
        var speedUps = trees.Contains(Name(SpanningTreeAlgorithm.Prim)) && trees.Contains(Name(SpanningTreeAlgorithm.Kdtree))
            ? columns.Select(c => c.Backend).Distinct().ToList()
            : [];

        var times = new MarkdownTable(
        [
            "n × D, data", .. columns.Select(c => $"{c.Tree}, {c.Backend}"),
            .. speedUps.Select(b => $"prim ÷ kdtree, {b} (tree)"),
        ]);
        var memory = new MarkdownTable(["n × D, data", .. columns.Select(c => $"{c.Tree}, {c.Backend}")]);
        foreach (var row in rows)
        {
            times.Add(
            [
                row.Label, .. columns.Select(c => $"{Figures.Milliseconds(Mean(export, row, c, EndToEnd))} / {TreeTime(export, row, c.Tree, c.Backend).Text}"),
                .. speedUps.Select(b => Figures.Ratio(
                    TreeTime(export, row, Name(SpanningTreeAlgorithm.Prim), b).Milliseconds,
                    TreeTime(export, row, Name(SpanningTreeAlgorithm.Kdtree), b).Milliseconds)),
            ]);
            memory.Add(
            [
                row.Label, .. columns.Select(c => $"{PerPoint(Find(export, row, c.Tree, c.Backend, EndToEnd))} / {PerPoint(Find(export, row, c.Tree, c.Backend, TreeAlone))}"),
            ]);
        }

        var text = new StringBuilder();
        text.AppendLine("Time, ms: end to end / spanning tree (one call each).").AppendLine().Append(times);
        if (rows.Any(row => columns.Any(c => TreeTime(export, row, c.Tree, c.Backend).InRun))) text.AppendLine().AppendLine(InRunNote);
        text.AppendLine().AppendLine("Peak resident memory above the input, bytes per point: end to end / spanning tree.").AppendLine().Append(memory);
        return text.ToString();
    }

    private sealed record Row(string N, string D, string Data)
    {
        public string Label => $"{Figures.Size(N)} × {D}, {Data}";
    }

    private sealed record Column(string Tree, string Backend);

    /// <summary>The inputs, by n, then D, then data in the export's order.</summary>
    private static List<Row> Rows(BenchmarkExport export) =>
    [
        .. export.Cases.Select(c => new Row(c.Parameter("N"), c.Parameter("D"), c.Parameter("Data"))).Distinct()
            .OrderBy(r => long.Parse(r.N, CultureInfo.InvariantCulture)).ThenBy(r => int.Parse(r.D, CultureInfo.InvariantCulture))
            .ThenBy(r => export.Values("Data").ToList().IndexOf(r.Data)),
    ];

    /// <summary>The algorithms in the order of the enumeration (Prim, Borůvka, the kd-tree), each with the backends in the export's order.</summary>
    private static List<Column> Columns(BenchmarkExport export)
    {
        var measured = export.Values("Tree");
        return
        [
            .. Enum.GetValues<SpanningTreeAlgorithm>().Select(Name).Where(measured.Contains)
                .SelectMany(tree => export.Values("Backend").Select(backend => new Column(tree, backend)))
                .Where(c => export.Cases.Any(e => e.Parameter("Tree") == c.Tree && e.Parameter("Backend") == c.Backend)),
        ];
    }

    private static string Name(SpanningTreeAlgorithm algorithm) => SpanningTreeChoice.NameOf(algorithm);

    private static BenchmarkCase? Find(BenchmarkExport export, Row row, string tree, string backend, string method) =>
        export.Cases.FirstOrDefault(c => c.Method == method && c.Parameter("N") == row.N && c.Parameter("D") == row.D
            && c.Parameter("Data") == row.Data && c.Parameter("Tree") == tree && c.Parameter("Backend") == backend);

    private static double? Mean(BenchmarkExport export, Row row, Column column, string method) =>
        Find(export, row, column.Tree, column.Backend, method)?.MeanMilliseconds;

    /// <summary>The tree alone when it was measured, else the end-to-end run's tree phase (InRun).</summary>
    private static (double? Milliseconds, bool InRun, string Text) TreeTime(BenchmarkExport export, Row row, string tree, string backend)
    {
        if (Find(export, row, tree, backend, TreeAlone)?.MeanMilliseconds is { } alone) return (alone, false, Figures.Milliseconds(alone));
        double? inRun = Find(export, row, tree, backend, EndToEnd)?.Metric(BenchmarkCase.TreePhaseMetric);
        return inRun is null ? (null, false, Figures.Missing) : (inRun, true, Figures.Milliseconds(inRun) + "\\*");
    }

    private static string PerPoint(BenchmarkCase? benchmarkCase) => Figures.Bytes(benchmarkCase?.Metric(BenchmarkCase.PeakBytesPerPointMetric));
}
