using System.Text.RegularExpressions;

namespace Cheeger.Build;

/// <summary>
/// The declared public API of a library (PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt, read by
/// Microsoft.CodeAnalysis.PublicApiAnalyzers) brought in line with its code from the analyzer's own findings: a
/// symbol it reports as undeclared (RS0016) is added to Unshipped, one it reports as declared but gone (RS0017) is
/// removed from both files. The analyzer's message carries the symbol exactly as the files spell it.
/// </summary>
internal static partial class PublicApiBaseline
{
    public const string ShippedFile = "PublicAPI.Shipped.txt";
    public const string UnshippedFile = "PublicAPI.Unshipped.txt";
    private const string NullableHeader = "#nullable enable";

    /// <summary>One finding: the project it belongs to, whether the symbol is undeclared (else gone), and the symbol.</summary>
    public sealed record Finding(string Project, bool Undeclared, string Symbol);

    /// <summary>The RS0016 and RS0017 findings in a build's output, each once.</summary>
    public static IReadOnlyList<Finding> Parse(IEnumerable<string> buildOutput) =>
        [.. buildOutput.Select(line => Diagnostic().Match(line)).Where(m => m.Success)
            .Select(m => new Finding(m.Groups["project"].Value, m.Groups["id"].Value == "RS0016", m.Groups["symbol"].Value))
            .Distinct()];

    /// <summary>The new contents of one API file: <paramref name="removed"/> taken out, <paramref name="added"/> put in, sorted.</summary>
    public static string Update(string contents, IEnumerable<string> added, IReadOnlySet<string> removed)
    {
        var symbols = contents.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && l != NullableHeader)
            .Where(l => !removed.Contains(l)).Concat(added).Distinct().Order(StringComparer.Ordinal);
        return string.Join('\n', symbols.Prepend(NullableHeader)) + "\n";
    }

    // "/x/A.cs(3,5): warning RS0016: Symbol 'N.C.M() -> void' is not part of the declared public API (https://...) [/x/P.csproj]"
    // "... warning RS0017: Symbol 'N.C.Old() -> void' is part of the declared API, but is either not public or could not be found (...) [/x/P.csproj]"
    [GeneratedRegex(@"(warning|error) (?<id>RS001[67]): Symbol '(?<symbol>.+)' is (not part of the declared public API|part of the declared API, but).*\[(?<project>[^\[\]]+\.csproj)\]\s*$")]
    private static partial Regex Diagnostic();
}
