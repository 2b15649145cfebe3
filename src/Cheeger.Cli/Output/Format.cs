using System.Globalization;

namespace Cheeger.Cli.Output;

/// <summary>Number formats of the human output (invariant culture).</summary>
internal static class Format
{
    public static string Seconds(double? seconds) => seconds is { } s ? s.ToString("0.000000", CultureInfo.InvariantCulture) + " s" : "–";

    public static string Number(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "–";

    public static string Rate(double rate) => rate.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Phases(IReadOnlyDictionary<string, double>? phases) =>
        phases is null || phases.Count == 0 ? "no phases" : string.Join(", ", phases.Select(p => $"{p.Key} {Seconds(p.Value)}"));
}
