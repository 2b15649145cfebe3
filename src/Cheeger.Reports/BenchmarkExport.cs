using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cheeger.Reports;

/// <summary>
/// One BenchmarkDotNet JSON export (<c>*-report-full-compressed.json</c>): the machine it ran on, when, and each
/// benchmark case's parameters, mean, allocation and metrics. A joined run's export holds several suites
/// (benchmark classes); <see cref="Of"/> takes one.
/// </summary>
public sealed partial record BenchmarkExport(string Path, string Title, BenchmarkMachine Machine, DateTime Taken, IReadOnlyList<BenchmarkCase> Cases)
{
    /// <summary>The suites (benchmark classes) of the export's cases.</summary>
    public IReadOnlyList<string> Suites => [.. Cases.Select(c => c.Suite).Distinct()];

    /// <summary>The cases of one suite, as an export of their own; null when the export has none of it.</summary>
    public BenchmarkExport? Of(string suite) =>
        Cases.Where(c => c.Suite == suite).ToList() is { Count: > 0 } cases ? this with { Cases = cases } : null;

    /// <summary>Reads an export; a file that is not one gets an error naming it and what is missing.</summary>
    public static BenchmarkExport Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        string title = Required(root, "Title", path).GetString()!;
        var machine = BenchmarkMachine.From(Required(root, "HostEnvironmentInfo", path));
        var cases = Required(root, "Benchmarks", path).EnumerateArray().Select(BenchmarkCase.From).ToList();
        if (cases.Count == 0) throw new InvalidDataException($"{path}: the export has no benchmark cases.");
        return new BenchmarkExport(path, title, machine, TakenFrom(title, path), cases);
    }

    /// <summary>The case of this suite whose parameters include every one of <paramref name="parameters"/>, or null.</summary>
    public BenchmarkCase? Find(params (string Name, string Value)[] parameters) =>
        Cases.FirstOrDefault(c => parameters.All(p => c.Parameter(p.Name) == p.Value));

    /// <summary>The values a parameter takes, in the order of the export (BenchmarkDotNet sorts numbers numerically).</summary>
    public IReadOnlyList<string> Values(string parameter) => [.. Cases.Select(c => c.Parameter(parameter)).Distinct()];

    /// <summary>BenchmarkDotNet names a summary "&lt;name&gt;-yyyy-MM-dd-HH-mm-ss" after the local time the run started; the export carries no other date.</summary>
    private static DateTime TakenFrom(string title, string path)
    {
        var match = TitleDate().Match(title);
        if (!match.Success)
            throw new InvalidDataException($"{path}: the export's title '{title}' ends in no date (yyyy-MM-dd-HH-mm-ss).");
        return DateTime.ParseExact(match.Groups[1].Value, "yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture);
    }

    private static JsonElement Required(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"{path}: no '{name}' in the export; is it a BenchmarkDotNet JSON export?");

    [GeneratedRegex(@"(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})$")]
    private static partial Regex TitleDate();
}
