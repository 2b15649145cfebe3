using System.Text.RegularExpressions;

namespace Cheeger.Build;

/// <summary>
/// What a packaged libcheeger may need from the machine it lands on: glibc, libstdc++ and libgcc, which every Linux
/// with a C++ runtime has. The CUDA runtime is linked statically and the driver (libcuda) is opened with dlopen only
/// when a GPU is used, so neither may appear among the library's dependencies.
/// </summary>
internal static partial class NativeDependencies
{
    /// <summary>The shared objects allowed, by soname: the loader, glibc's libraries, the C++ runtime and libgcc.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "linux-vdso.so.1", "ld-linux-x86-64.so.2",
        "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
        "libstdc++.so.6", "libgcc_s.so.1",
    };

    /// <summary>The sonames in <c>ldd</c>'s output, in its order (an unresolved one keeps its name).</summary>
    public static IReadOnlyList<string> Parse(string lddOutput) =>
        [.. lddOutput.Split('\n').Select(line => LddLine().Match(line)).Where(m => m.Success).Select(m => Path.GetFileName(m.Groups["name"].Value))];

    /// <summary>The dependencies in <c>ldd</c>'s output that are not <see cref="Allowed"/>, or that it could not find.</summary>
    public static IReadOnlyList<string> Problems(string lddOutput)
    {
        var problems = Parse(lddOutput).Where(name => !Allowed.Contains(name)).Select(name => name + " (not allowed)").ToList();
        problems.AddRange(lddOutput.Split('\n').Where(line => line.Contains("not found", StringComparison.Ordinal)).Select(line => line.Trim()));
        return problems;
    }

    // "\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x...)", "\t/lib64/ld-linux-x86-64.so.2 (0x...)".
    [GeneratedRegex(@"^\s*(?<name>\S+)(\s+=>|\s+\(0x)")]
    private static partial Regex LddLine();
}
