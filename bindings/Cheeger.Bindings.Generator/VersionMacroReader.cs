using System.Globalization;
using System.Text.RegularExpressions;

namespace Cheeger.Bindings.Generator;

/// <summary>
/// Reads the <c>#define CHEEGER_VERSION_MAJOR|MINOR|PATCH n</c> lines from the header text. clang's JSON AST
/// carries no macros, so a strict line pattern is used instead: a version line in any other shape is an error
/// rather than a silently skipped constant.
/// </summary>
public static partial class VersionMacroReader
{
    /// <summary>The names read, in the order they are written out.</summary>
    public static readonly IReadOnlyList<string> Names = ["CHEEGER_VERSION_MAJOR", "CHEEGER_VERSION_MINOR", "CHEEGER_VERSION_PATCH"];

    /// <summary>The three version macros of <paramref name="headerText"/>.</summary>
    /// <exception cref="BindingsException">One is missing, repeated, or not a plain non-negative integer.</exception>
    public static IReadOnlyList<MacroConstant> Read(string headerText)
    {
        var values = new Dictionary<string, int>();
        string[] lines = headerText.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (!AnyVersionDefine().IsMatch(line)) continue;
            Match strict = StrictVersionDefine().Match(line);
            if (!strict.Success)
                throw new BindingsException($"Header line {i + 1}: '{line.Trim()}' is not of the form '#define CHEEGER_VERSION_(MAJOR|MINOR|PATCH) <integer>'.");
            string name = strict.Groups[1].Value;
            if (!values.TryAdd(name, int.Parse(strict.Groups[2].Value, CultureInfo.InvariantCulture)))
                throw new BindingsException($"Header line {i + 1}: {name} is defined twice.");
        }
        foreach (string name in Names)
        {
            if (!values.ContainsKey(name)) throw new BindingsException($"The header does not define {name}.");
        }
        return Names.Select(name => new MacroConstant(name, values[name])).ToArray();
    }

    [GeneratedRegex(@"^\s*#\s*define\s+CHEEGER_VERSION_")]
    private static partial Regex AnyVersionDefine();

    [GeneratedRegex(@"^\s*#\s*define\s+(CHEEGER_VERSION_(?:MAJOR|MINOR|PATCH))\s+(\d{1,9})\s*(?:/\*.*\*/\s*)?$")]
    private static partial Regex StrictVersionDefine();
}
