namespace Cheeger.Reports;

/// <summary>The BenchmarkDotNet exports of a folder, by suite: what a report's tables are rendered from.</summary>
public sealed class ExportSet
{
    private readonly Dictionary<string, BenchmarkExport> _bySuite = new(StringComparer.Ordinal);

    /// <summary>The folder the exports were read from.</summary>
    public string Folder { get; }

    private ExportSet(string folder) => Folder = folder;

    /// <summary>Reads every *.json export of <paramref name="folder"/> (none when it does not exist); a suite in two exports is an error.</summary>
    public static ExportSet Load(string folder, string pattern = "*.json")
    {
        var set = new ExportSet(folder);
        if (!Directory.Exists(folder)) return set;
        foreach (string path in Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            var export = BenchmarkExport.Load(path);
            foreach (string suite in export.Suites)
            {
                if (set._bySuite.TryGetValue(suite, out var other))
                    throw new InvalidDataException($"{suite} is in two exports, {other.Path} and {path}; keep one.");
                set._bySuite.Add(suite, export.Of(suite)!);
            }
        }
        return set;
    }

    /// <summary>The export of <paramref name="suite"/>, or null when the folder has none.</summary>
    public BenchmarkExport? Find(string suite) => _bySuite.GetValueOrDefault(suite);
}
