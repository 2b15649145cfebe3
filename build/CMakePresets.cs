using System.Text.RegularExpressions;
using Cheeger.Build.Engine;

namespace Cheeger.Build;

/// <summary>The presets of the repository's CMakePresets.json, as CMake itself lists them (includes resolved).</summary>
internal static partial class CMakePresets
{
    private const string PresetsFile = "CMakePresets.json";

    public static Task<bool> HasConfigurePresetAsync(string name) => HasPresetAsync("configure", name);

    public static Task<bool> HasTestPresetAsync(string name) => HasPresetAsync("test", name);

    private static async Task<bool> HasPresetAsync(string kind, string name)
    {
        if (!File.Exists(PresetsFile))
        {
            return false;
        }

        var listing = await Tool.CaptureAsync("cmake", [$"--list-presets={kind}"]);
        return PresetName().Matches(listing).Any(match => match.Groups["name"].Value == name);
    }

    // cmake --list-presets prints each preset as:   "release" - Release (optimized)
    [GeneratedRegex("""^\s*"(?<name>[^"]+)"(\s|$)""", RegexOptions.Multiline)]
    private static partial Regex PresetName();
}
