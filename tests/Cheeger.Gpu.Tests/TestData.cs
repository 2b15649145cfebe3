using Cheeger.Clustering.Data;

namespace Cheeger.Gpu.Tests;

/// <summary>The bundled data sets under data/, found from the test binaries by walking up to the repository root.</summary>
internal static class TestData
{
    private static readonly Lazy<string> DataFolder = new(FindDataFolder);

    /// <summary>Reads data/<paramref name="fileName"/> (features only; the label column becomes the classes).</summary>
    public static Dataset Load(string fileName) => CsvDatasetReader.Load(Path.Combine(DataFolder.Value, fileName));

    private static string FindDataFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Interop.sln")))
                return Path.Combine(folder.FullName, "data");
        }
        throw new InvalidOperationException($"No Interop.sln above {AppContext.BaseDirectory}; cannot find data/.");
    }
}
