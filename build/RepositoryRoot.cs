namespace Cheeger.Build;

/// <summary>Finds the repository root: the nearest folder above the build program (or the current folder) holding Interop.sln.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Interop.sln";

    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, Marker)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No {Marker} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}: cannot find the repository root.");
    }
}
