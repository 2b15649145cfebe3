namespace Cheeger.Cli.Tests;

/// <summary>The bundled data sets, and a scratch folder per test that is deleted afterwards.</summary>
internal sealed class TestFiles : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cheeger-cli-tests-");

    /// <summary>The path of a bundled data set, found by walking up from the test binaries to the repository.</summary>
    public static string Data(string fileName)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "data", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"data/{fileName} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>A path in the scratch folder (the file does not exist yet).</summary>
    public string Scratch(string fileName) => Path.Combine(_folder.FullName, fileName);

    /// <summary>Writes <paramref name="text"/> to a scratch file and returns its path.</summary>
    public string Write(string fileName, string text)
    {
        string path = Scratch(fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
