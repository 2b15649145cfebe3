namespace Cheeger.Reports;

/// <summary>
/// K-means per pass, backends side by side (KMeansIterationBenchmarks, GpuKMeansIterationBenchmarks): per N and k,
/// each backend's mean call time (BenchmarkDotNet's Mean per operation) and its loop time per pass (the ms/pass
/// metric), then the loop speed-up of each backend over the reference (the first column, <see cref="BackendOrder"/>).
/// </summary>
public static class KMeansPassTable
{
    /// <summary>The table of <paramref name="export"/>.</summary>
    public static string Render(BenchmarkExport export)
    {
        var backends = BackendOrder.ReferenceFirst(export, "Backend", c => c.PassMilliseconds ?? c.MeanMilliseconds);
        var table = new MarkdownTable(
            ["N", "k", .. backends.Select(b => $"{b} call / loop (ms)"), .. backends.Skip(1).Select(b => $"{backends[0]} ÷ {b} (loop)")]);
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
                    .. cases.Skip(1).Select(c => Figures.Ratio(cases[0]?.PassMilliseconds, c?.PassMilliseconds)),
                ]);
            }
        }
        return table.ToString();
    }
}
