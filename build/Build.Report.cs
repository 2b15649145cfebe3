using Cheeger.Build.Engine;

namespace Cheeger.Build;

internal sealed partial class Build
{
    private const string ReportsProject = "src/Cheeger.Reports";

    /// <summary>The committed BenchmarkDotNet exports docs/benchmarks.md's tables are rendered from.</summary>
    private const string BenchmarkExports = "docs/benchmarks/exports";

    [Parameter("Report: first import the JSON exports of a benchmark run from this folder (e.g. artifacts/benchmarks) into docs/benchmarks/exports.")]
    private readonly string ReportImport = "";

    /// <summary>
    /// docs/benchmarks.md's tables between its report markers and the charts in docs/img, rendered by
    /// src/Cheeger.Reports from the committed exports in docs/benchmarks/exports (the GPU bundle's report is
    /// rendered by the same program).
    /// </summary>
    private Target Report => _ => _
        .Description($"Renders docs/benchmarks.md's generated tables and the charts in docs/img from docs/benchmarks/exports ({ReportsProject}); --report-import DIR first imports a benchmark run's exports.")
        .Executes(() => DotNetAsync(
        [
            "run", "--project", ReportsProject, "-c", "Release", "--", "docs", "--repository", ".",
            .. ReportImport.Length > 0 ? new[] { "--import", ReportImport } : [],
        ]));
}
