using System.Globalization;

namespace Cheeger.Reports;

/// <summary>How the reports write numbers: about three significant digits, the way one reads a benchmark table.</summary>
public static class Figures
{
    /// <summary>What a table shows where a case did not run or has no such value.</summary>
    public const string Missing = "—";

    /// <summary>Milliseconds with about three significant digits (0.482, 3.85, 37.6, 2482).</summary>
    public static string Milliseconds(double? value) => value switch
    {
        null => Missing,
        >= 100 => value.Value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 1 => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>A ratio such as a speed-up: "12.0×", "0.5×", and below 0.1 with three decimals ("0.008×") so that it does not read as 0.</summary>
    public static string Ratio(double? numerator, double? denominator) =>
        numerator is { } a && denominator is { } b && b > 0 ? (a / b).ToString(a / b >= 0.1 ? "0.0" : "0.000", CultureInfo.InvariantCulture) + "×" : Missing;

    /// <summary>A whole number of bytes with thousands separators: "4,002,960".</summary>
    public static string Bytes(double? value) => value is { } bytes ? bytes.ToString("#,0", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A size parameter the way the tables write it: 1e4, 1e6; other numbers as they are.</summary>
    public static string Size(string parameter) =>
        parameter.Length >= 4 && parameter[0] == '1' && parameter.Skip(1).All(digit => digit == '0')
            ? $"1e{parameter.Length - 1}"
            : parameter;
}
