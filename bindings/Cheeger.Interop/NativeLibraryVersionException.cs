namespace Cheeger.Interop;

/// <summary>A libcheeger was found but its version cannot serve the header these bindings were generated from.</summary>
public sealed class NativeLibraryVersionException : Exception
{
    /// <summary>An exception naming both versions and the library's path.</summary>
    public NativeLibraryVersionException(string path, NativeVersion library, NativeVersion header)
        : base($"The native library {path} has C API version {library}, but these bindings were generated from cheeger.h " +
               $"{header} and accept versions {NativeVersion.AcceptedRange(header)}. Rebuild the native library (./build.sh Native) " +
               $"from the same sources, or point {NativeLibraryLoader.PathVariable} at a matching build.")
    {
        LibraryPath = path;
        LibraryVersion = library;
        HeaderVersion = header;
    }

    /// <summary>The library that was refused.</summary>
    public string LibraryPath { get; }

    /// <summary>The version it reported.</summary>
    public NativeVersion LibraryVersion { get; }

    /// <summary>The version of the header the bindings come from.</summary>
    public NativeVersion HeaderVersion { get; }
}
