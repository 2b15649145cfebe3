using System.Globalization;
using System.Text.RegularExpressions;

namespace Cheeger.Bindings.Generator;

/// <summary>
/// Reads the header's numeric constants other than the version (<c>#define CHEEGER_KMEANS_CHUNK_ROWS 4096</c>,
/// <c>#define CHEEGER_ISO_DEFAULT_SIGMA_SCALE 2.0</c>, ...): the shared constants and defaults that the managed side
/// takes from the header instead of repeating. Like <see cref="VersionMacroReader"/> it uses a strict line pattern
/// (clang's JSON AST carries no macros): a <c>CHEEGER_</c> define of any other shape is an error, not a skipped
/// constant. The include guard and the export attribute are the only defines that are not constants.
/// </summary>
public static partial class ContractMacroReader
{
    private static readonly HashSet<string> NotConstants = new(StringComparer.Ordinal) { "CHEEGER_H", "CHEEGER_API" };

    /// <summary>Every numeric <c>CHEEGER_</c> define of <paramref name="headerText"/> but the version, in header order.</summary>
    /// <exception cref="BindingsException">One is repeated, or its value is not a plain integer or decimal literal.</exception>
    public static IReadOnlyList<ContractConstant> Read(string headerText)
    {
        var constants = new List<ContractConstant>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = headerText.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            Match any = AnyDefine().Match(line);
            if (!any.Success) continue;
            string name = any.Groups[1].Value;
            if (NotConstants.Contains(name) || name.StartsWith("CHEEGER_VERSION_", StringComparison.Ordinal)) continue;
            Match strict = StrictDefine().Match(line);
            if (!strict.Success)
                throw new BindingsException($"Header line {i + 1}: '{line.Trim()}' is not of the form '#define CHEEGER_<NAME> <integer or decimal literal>'.");
            if (!seen.Add(name)) throw new BindingsException($"Header line {i + 1}: {name} is defined twice.");
            string literal = strict.Groups[2].Value;
            bool isInteger = IntegerLiteral().IsMatch(literal);
            if (isInteger && !int.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw new BindingsException($"Header line {i + 1}: {name} = {literal} does not fit an int.");
            constants.Add(new ContractConstant(name, literal, isInteger));
        }
        return constants;
    }

    [GeneratedRegex(@"^\s*#\s*define\s+(CHEEGER_\w+)")]
    private static partial Regex AnyDefine();

    [GeneratedRegex(@"^\s*#\s*define\s+(CHEEGER_\w+)\s+(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(?:/\*.*\*/\s*)?$")]
    private static partial Regex StrictDefine();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex IntegerLiteral();
}

/// <summary>A numeric constant of the header: its C name and literal, written to C# as an <c>int</c> or a <c>double</c>.</summary>
public sealed record ContractConstant(string Name, string Literal, bool IsInteger);
