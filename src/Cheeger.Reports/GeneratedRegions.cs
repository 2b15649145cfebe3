using System.Text;
using System.Text.RegularExpressions;

namespace Cheeger.Reports;

/// <summary>
/// The parts of a markdown file that a report writes: each between <c>&lt;!-- report:NAME --&gt;</c> and
/// <c>&lt;!-- /report:NAME --&gt;</c> on lines of their own. Everything outside them is left as it is.
/// </summary>
public static partial class GeneratedRegions
{
    /// <summary>The names of the regions of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Names(string text) => [.. Start().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>
    /// <paramref name="text"/> with each region's content replaced by <paramref name="render"/>(its name). A start
    /// marker without its end marker is an error naming the region.
    /// </summary>
    public static string Replace(string text, Func<string, string> render)
    {
        var result = new StringBuilder();
        int position = 0;
        foreach (Match start in Start().Matches(text))
        {
            if (start.Index < position) throw new InvalidDataException($"Region '{start.Groups[1].Value}' starts inside another region.");
            string name = start.Groups[1].Value;
            string endMarker = $"<!-- /report:{name} -->";
            int end = text.IndexOf(endMarker, start.Index + start.Length, StringComparison.Ordinal);
            if (end < 0) throw new InvalidDataException($"Region '{name}' has no end marker '{endMarker}'.");
            string content = render(name);
            result.Append(text, position, start.Index + start.Length - position).Append('\n').Append(content);
            if (!content.EndsWith('\n')) result.Append('\n');
            position = end;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    [GeneratedRegex(@"<!-- report:([a-z0-9-]+) -->")]
    private static partial Regex Start();
}
