using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Tests;

/// <summary>The bundled data sets in <c>data/</c>, found by walking up to the folder that holds <c>Interop.sln</c>.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Interop.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds Interop.sln.");
    });

    /// <summary>Loads <c>data/<paramref name="fileName"/></c> (".csv" may be left out).</summary>
    public static Dataset Load(string fileName) =>
        CsvDatasetReader.Load(Path.Combine(Root.Value, "data", Path.HasExtension(fileName) ? fileName : fileName + ".csv"));
}
