using System.Globalization;

namespace Cheeger.Reports;

/// <summary>The line above a rendered table: which export it comes from, the job, the machine and the date, all read from the export.</summary>
public static class ExportCaption
{
    /// <summary>"From `exports/X.json` (job ShortRun): AMD EPYC, 2 cores …, taken 2026-12-02 01:13."</summary>
    public static string Of(BenchmarkExport export, string? relativeTo = null)
    {
        string file = (relativeTo is null ? Path.GetFileName(export.Path) : Path.GetRelativePath(relativeTo, export.Path)).Replace('\\', '/');
        return string.Create(CultureInfo.InvariantCulture,
            $"_From `{file}` (job {Jobs(export)}): {export.Machine}; taken {export.Taken:yyyy-MM-dd HH:mm}._");
    }

    /// <summary>The short form under a chart's title: "AMD EPYC, 2 cores, 2026-12-02, job ShortRun".</summary>
    public static string Short(BenchmarkExport export) =>
        string.Create(CultureInfo.InvariantCulture, $"{export.Machine.Processor}, {export.Machine.PhysicalCores} cores, {export.Taken:yyyy-MM-dd}, job {Jobs(export)}");

    private static string Jobs(BenchmarkExport export) => string.Join(", ", export.Cases.Select(c => c.Job).Distinct());
}
