using System.Globalization;
using System.Text.RegularExpressions;

namespace Cheeger.Reports;

/// <summary>
/// The k-means study's own speed-ups (serial time over parallel time, per k, process count and N), read from the
/// table in docs/kmeans-study.md, the one place they are written down.
/// </summary>
public sealed partial record StudyFigures(IReadOnlyList<StudyFigure> Figures)
{
    /// <summary>Reads the table "| k | processes | N = 1e4 | …" of <paramref name="markdownPath"/>.</summary>
    public static StudyFigures Load(string markdownPath)
    {
        string[] lines = File.ReadAllLines(markdownPath);
        int header = Array.FindIndex(lines, line => HeaderRow().IsMatch(line));
        if (header < 0) throw new InvalidDataException($"{markdownPath}: no speed-up table with the header '| k | processes | N = … |'.");
        var sizes = Cells(lines[header]).Skip(2).Select(cell => cell.Replace("N =", "", StringComparison.Ordinal).Trim()).ToList();
        var figures = new List<StudyFigure>();
        foreach (string line in lines.Skip(header + 2).TakeWhile(line => line.TrimStart().StartsWith('|')))
        {
            var cells = Cells(line);
            int k = int.Parse(cells[0], CultureInfo.InvariantCulture), processes = int.Parse(cells[1], CultureInfo.InvariantCulture);
            figures.AddRange(sizes.Select((n, i) => new StudyFigure(k, processes, n, double.Parse(cells[i + 2], CultureInfo.InvariantCulture))));
        }
        return new StudyFigures(figures);
    }

    private static List<string> Cells(string row) => [.. row.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];

    [GeneratedRegex(@"^\|\s*k\s*\|\s*processes\s*\|")]
    private static partial Regex HeaderRow();
}

/// <summary>One figure of the study: its speed-up at k, a process count and N (written as in its table: "1e4").</summary>
public sealed record StudyFigure(int K, int Processes, string N, double Speedup);
