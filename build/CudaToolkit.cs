using Cheeger.Build.Engine;

namespace Cheeger.Build;

/// <summary>
/// NVIDIA's CUDA toolkit as Debian packages it: <c>nvidia-cuda-toolkit</c> (nvcc, cudart, CUB, Thrust) in the
/// <c>contrib</c> and <c>non-free</c> components of the machine's own Debian package source, and the host compiler
/// nvcc 11.8 accepts (clang-14; its g++ limit is 11).
/// </summary>
internal static class CudaToolkit
{
    public const string AptPackage = "nvidia-cuda-toolkit";

    /// <summary>The host compiler nvcc is given (CUDAHOSTCXX) unless the environment names one.</summary>
    public const string HostCompiler = "clang++-14";

    /// <summary>The apt sources file this build adds; derived from the machine's Debian entry, never written by hand.</summary>
    public const string ComponentsSourcesFile = "/etc/apt/sources.list.d/cheeger-contrib-non-free.sources";

    private const string DebianSourcesFile = "/etc/apt/sources.list.d/debian.sources";
    private const string LegacySourcesFile = "/etc/apt/sources.list";

    /// <summary>
    /// The sources file that enables <c>contrib non-free</c> for the machine's Debian entries (same types, URIs,
    /// suites and keys), or null when the machine has no Debian entry to derive it from.
    /// </summary>
    public static string? DeriveComponentsSources() =>
        File.Exists(DebianSourcesFile) ? DeriveFromDeb822(File.ReadAllText(DebianSourcesFile))
        : File.Exists(LegacySourcesFile) ? DeriveFromOneLineEntries(File.ReadAllLines(LegacySourcesFile))
        : null;

    /// <summary>deb822 stanzas (debian.sources) with their Components replaced by contrib non-free; null without one.</summary>
    public static string? DeriveFromDeb822(string sources)
    {
        var stanzas = sources
            .Split(["\n\n"], StringSplitOptions.RemoveEmptyEntries)
            .Select(stanza => stanza.Split('\n')
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.StartsWith("Components:", StringComparison.Ordinal) ? "Components: contrib non-free" : line)
                .ToList())
            .Where(lines => lines.Any(line => line.StartsWith("URIs:", StringComparison.Ordinal)))
            .Select(lines => string.Join('\n', lines))
            .ToList();
        return stanzas.Count == 0 ? null : string.Join("\n\n", stanzas) + "\n";
    }

    /// <summary>One-line entries ("deb [options] URI suite component...") with contrib non-free as their components; null without one.</summary>
    public static string? DeriveFromOneLineEntries(IEnumerable<string> lines)
    {
        var entries = lines
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("deb ", StringComparison.Ordinal))
            .Select(DeriveOneLineEntry)
            .OfType<string>()
            .ToList();
        return entries.Count == 0 ? null : string.Join('\n', entries) + "\n";
    }

    /// <summary>Environment for configuring CMake: CUDAHOSTCXX when nvcc is present and the environment names none.</summary>
    public static Dictionary<string, string?> ConfigureEnvironment()
    {
        var environment = new Dictionary<string, string?>();
        if (Tool.FindOnPath("nvcc") is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CUDAHOSTCXX"))
            && Tool.FindOnPath(HostCompiler) is not null)
        {
            environment["CUDAHOSTCXX"] = HostCompiler;
        }

        return environment;
    }

    private static string? DeriveOneLineEntry(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var uri = words.FindIndex(1, word => word.Contains("://", StringComparison.Ordinal));
        return uri < 0 || uri + 1 >= words.Count ? null : string.Join(' ', words.Take(uri + 2).Append("contrib non-free"));
    }
}
