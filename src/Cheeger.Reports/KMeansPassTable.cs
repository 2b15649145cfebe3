namespace Cheeger.Reports;

/// <summary>
/// K-means per pass, backends side by side (KMeansIterationBenchmarks, GpuKMeansIterationBenchmarks): per N and k,
/// each backend's mean call time (BenchmarkDotNet's Mean per operation) and its loop time per pass (the ms/pass
/// metric), then the loop speed-up of each backend over the one before it.
/// </summary>
public static class KMeansPassTable
{
    /// <summary>The table of <paramref name="export"/>.</summary>
    public static string Render(BenchmarkExport export)
    {
        var backends = BackendOrder.SlowestFirst(export, "Backend", c => c.PassMilliseconds ?? c.MeanMilliseconds);
        var pairs = backends.Zip(backends.Skip(1)).ToList();
        var table = new MarkdownTable(
            ["N", "k", .. backends.Select(b => $"{b} call / loop (ms)"), .. pairs.Select(p => $"{p.First} ÷ {p.Second} (loop)")]);
        foreach (string n in export.Values("N"))
        {
            foreach (string k in export.Values("K"))
            {
                var cases = backends.Select(b => export.Find(("N", n), ("K", k), ("Backend", b))).ToList();
                if (cases.All(c => c is null)) continue;
                table.Add(
                [
                    Figures.Size(n), k,
                    .. cases.Select(c => $"{Figures.Milliseconds(c?.MeanMilliseconds)} / {Figures.Milliseconds(c?.PassMilliseconds)}"),
                    .. cases.Zip(cases.Skip(1)).Select(p => Figures.Ratio(p.First?.PassMilliseconds, p.Second?.PassMilliseconds)),
                ]);
            }
        }
        return table.ToString();
    }
}
