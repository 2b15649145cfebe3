namespace Cheeger.Interop;

/// <summary>A version of the C API: the header's (<see cref="CheegerConstants"/>) or a library's (<c>cheeger_version_get</c>).</summary>
public readonly record struct NativeVersion(int Major, int Minor, int Patch)
{
    /// <summary>The version of cheeger.h these bindings were generated from.</summary>
    public static NativeVersion Header { get; } =
        new(CheegerConstants.VersionMajor, CheegerConstants.VersionMinor, CheegerConstants.VersionPatch);

    /// <summary>
    /// Whether a library of this version serves bindings generated from <paramref name="header"/>. While the major
    /// version is 0 the C API may change in any minor (0.3 put a size at the head of every params struct), so only
    /// the header's own minor is accepted; from 1.0 on a newer minor only adds, and the accepted range is
    /// [major.minor, major+1).
    /// </summary>
    public bool CanServe(NativeVersion header) =>
        Major == header.Major && (header.Major == 0 ? Minor == header.Minor : Minor >= header.Minor);

    /// <summary>The versions a library may have to serve <paramref name="header"/>, as text: <c>0.3.x</c> or <c>[1.3, 2.0)</c>.</summary>
    public static string AcceptedRange(NativeVersion header) =>
        header.Major == 0 ? $"{header.Major}.{header.Minor}.x" : $"[{header.Major}.{header.Minor}, {header.Major + 1}.0)";

    /// <summary><c>major.minor.patch</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
