using Spectre.Console;

namespace Cheeger.Cli.Output;

/// <summary>The short human summary of <c>cluster</c> (without <c>--json</c>).</summary>
internal static class ClusterSummary
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="console"/> as a two-column grid.</summary>
    public static void Write(IAnsiConsole console, ClusterReport report)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Markup($"[grey]{name}[/]"), new Text(value));

        Row("method", $"{report.Method} on {report.Input} (n = {report.N}, d = {report.D}), k = {report.K}");
        Row("backend", report.BackendDetail is { Length: > 0 } detail ? $"{report.Backend} ({detail})" : report.Backend);
        Row("seconds", $"{Format.Seconds(report.Seconds)}  ({Format.Phases(report.Phases)}; load {Format.Seconds(report.LoadSeconds)})");
        if (report.Iterations is { } iterations)
            Row("k-means", $"{iterations} iterations, inertia {Format.Number(report.Inertia)}");
        if (report.Cost is { } cost)
            Row("isoperimetric", $"cost {Format.Number(cost)}, ε in ({Format.Number(report.EpsilonLow)}, {Format.Number(report.EpsilonHigh)}], σ {Format.Number(report.Sigma)}, {report.Outliers} outliers");
        Row("clusters", $"{report.Clusters} ({report.Labelling} labels)");
        if (report.Metrics is { } metrics)
            Row("quality", $"misclassification {Format.Rate(metrics.MisclassificationRate)}, ARI {Format.Number(metrics.AdjustedRandIndex)}");
        if (report.LabelsPath is { } labels) Row("labels", labels);
        if (report.PlotPath is { } plot) Row("plot", plot);
        if (report.StagesPath is { } stages) Row("stages", stages);
        console.Write(grid);
    }
}
