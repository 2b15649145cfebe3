namespace Cheeger.Reports;

/// <summary>
/// End-to-end times side by side (IsoperimetricBenchmarks, IsoperimetricTable1Benchmarks, GpuIsoperimetricBenchmarks):
/// a row per value of the row parameter, a column of mean milliseconds per value of the compared parameter (the
/// backend, or the spanning-tree algorithm), then the speed-up of each over the reference (the first column,
/// <see cref="BackendOrder"/>).
/// </summary>
public static class BackendTimeTable
{
    /// <summary>The table of <paramref name="export"/>.</summary>
    public static string Render(BenchmarkExport export, string rowParameter, string comparedParameter = "Backend")
    {
        var compared = BackendOrder.ReferenceFirst(export, comparedParameter, c => c.MeanMilliseconds);
        var table = new MarkdownTable(
            [rowParameter.ToLowerInvariant(), .. compared.Select(b => $"{b} (ms)"), .. compared.Skip(1).Select(b => $"{compared[0]} ÷ {b}")]);
        foreach (string row in export.Values(rowParameter))
        {
            var cases = compared.Select(b => export.Find((rowParameter, row), (comparedParameter, b))).ToList();
            table.Add(
            [
                row,
                .. cases.Select(c => Figures.Milliseconds(c?.MeanMilliseconds)),
                .. cases.Skip(1).Select(c => Figures.Ratio(cases[0]?.MeanMilliseconds, c?.MeanMilliseconds)),
            ]);
        }
        return table.ToString();
    }
}
