namespace Cheeger.Interop;

/// <summary>A version of the C API: the header's (<see cref="CheegerConstants"/>) or a library's (<c>cheeger_version_get</c>).</summary>
public readonly record struct NativeVersion(int Major, int Minor, int Patch)
{
    /// <summary>The version of cheeger.h these bindings were generated from.</summary>
    public static NativeVersion Header { get; } =
        new(CheegerConstants.VersionMajor, CheegerConstants.VersionMinor, CheegerConstants.VersionPatch);

    /// <summary>
    /// Whether a library of this version serves bindings generated from <paramref name="header"/>: same major,
    /// and at least the header's minor (a newer minor only adds). The accepted range is [major.minor, major+1).
    /// </summary>
    public bool CanServe(NativeVersion header) => Major == header.Major && Minor >= header.Minor;

    /// <summary>The range a library must fall in to serve <paramref name="header"/>, as text: <c>[0.1, 1.0)</c>.</summary>
    public static string AcceptedRange(NativeVersion header) => $"[{header.Major}.{header.Minor}, {header.Major + 1}.0)";

    /// <summary><c>major.minor.patch</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
