namespace Cheeger.Reports.Tests;

/// <summary>The repository root: the folder above the test's output that holds Interop.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Interop.sln"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"No Interop.sln above {AppContext.BaseDirectory}.");
    }
}
