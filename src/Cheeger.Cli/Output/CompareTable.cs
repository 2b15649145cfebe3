using Cheeger.Backends;
using Cheeger.Clustering;
using Spectre.Console;

namespace Cheeger.Cli.Output;

/// <summary>The table of <c>compare</c> (without <c>--json</c>): one row per backend.</summary>
internal static class CompareTable
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, CompareReport report)
    {
        bool kmeans = report.Method == ClusteringMethod.KMeans.CliName();
        bool metrics = report.Backends.Any(row => row.Metrics is not null);
        var table = new Table().Title($"{report.Method} on {report.Input} (n = {report.N}, d = {report.D}), k = {report.K}");
        table.AddColumn("backend").AddColumn(new TableColumn("seconds").RightAligned());
        if (kmeans) table.AddColumn(new TableColumn("iterations").RightAligned());
        else table.AddColumn(new TableColumn("ε").RightAligned()).AddColumn(new TableColumn("cost").RightAligned());
        table.AddColumn($"same as {report.Reference}");
        if (metrics) table.AddColumn(new TableColumn("misclassification").RightAligned()).AddColumn(new TableColumn("ARI").RightAligned());
        table.AddColumn("note");

        foreach (var row in report.Backends)
        {
            var cells = new List<string> { row.Backend, row.Seconds is null ? "–" : Format.Seconds(row.Seconds) };
            if (kmeans) cells.Add(row.Iterations?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–");
            else cells.AddRange([Format.Number(row.EpsilonHigh), Format.Number(row.Cost)]);
            cells.Add(row.Agreement switch
            {
                null => "–",
                { Identical: true } => "yes",
                { DifferingPoints: var differing } => $"no ({differing} points differ)",
            });
            if (metrics)
            {
                cells.Add(row.Metrics is { } m ? Format.Rate(m.MisclassificationRate) : "–");
                cells.Add(row.Metrics is { } q ? Format.Number(q.AdjustedRandIndex) : "–");
            }
            string reason = BackendSet.Brief(row.Reason ?? "");
            cells.Add(row.Error is { } error ? $"failed: {error}" : row.Available ? reason : $"unavailable: {reason}");
            table.AddRow(cells.Select(cell => new Text(cell)).ToArray());
        }
        console.Write(table);
    }
}
