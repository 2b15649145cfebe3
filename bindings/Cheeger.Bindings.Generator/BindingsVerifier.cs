using System.Runtime.InteropServices;

namespace Cheeger.Bindings.Generator;

/// <summary>The checks of <c>verify</c>: the checked-in file equals a fresh generation, and a library exports every function.</summary>
public static class BindingsVerifier
{
    /// <summary>
    /// Null when <paramref name="expected"/> and <paramref name="actual"/> are equal, else a summary naming the first
    /// line that differs (1-based) with both versions of it.
    /// </summary>
    public static string? Compare(string expected, string actual, string actualPath)
    {
        if (expected == actual) return null;
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        int common = Math.Min(expectedLines.Length, actualLines.Length);
        int line = 0;
        while (line < common && expectedLines[line] == actualLines[line]) line++;
        string Show(string[] lines) => line < lines.Length ? $"'{lines[line].TrimEnd('\r')}'" + (lines[line].EndsWith('\r') ? " (CRLF line end)" : "") : "(end of file)";
        return $"{actualPath} differs from what the header generates, first at line {line + 1}:\n" +
               $"  generated: {Show(expectedLines)}\n" +
               $"  on disk:   {Show(actualLines)}\n" +
               $"  ({expectedLines.Length} lines generated, {actualLines.Length} on disk). Run `generate` to update it.";
    }

    /// <summary>The functions of <paramref name="model"/> that <paramref name="libraryPath"/> does not export.</summary>
    /// <exception cref="BindingsException">The library cannot be loaded.</exception>
    public static IReadOnlyList<string> MissingExports(HeaderModel model, string libraryPath)
    {
        if (!NativeLibrary.TryLoad(Path.GetFullPath(libraryPath), out nint library))
            throw new BindingsException($"Cannot load the native library {libraryPath} (missing, wrong architecture, or a dependency is missing).");
        try
        {
            return model.Functions.Where(f => !NativeLibrary.TryGetExport(library, f.Name, out _)).Select(f => f.Name).ToArray();
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }
}
