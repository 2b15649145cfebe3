namespace Cheeger.Native.Tests.Support;

/// <summary>Files of the repository the tests read, found by walking up from the test binaries.</summary>
internal static class RepositoryLayout
{
    /// <summary>The repository root: the nearest folder above the test binaries holding native/include/cheeger.h.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>native/include/cheeger.h.</summary>
    public static string Header => Path.Combine(Root, "native", "include", "cheeger.h");

    /// <summary>The checked-in generated bindings.</summary>
    public static string GeneratedBindings => Path.Combine(Root, "bindings", "Cheeger.Interop", "NativeMethods.generated.cs");

    /// <summary>A bundled data set.</summary>
    public static string Data(string fileName) => Path.Combine(Root, "data", fileName);

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "native", "include", "cheeger.h"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No repository root (a folder with native/include/cheeger.h) above {AppContext.BaseDirectory}.");
    }
}
