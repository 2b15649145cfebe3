using System.Text.RegularExpressions;

namespace Cheeger.Bindings.Generator;

/// <summary>
/// A C type as clang spells it (<c>qualType</c>), taken apart: a base name, const-ness, pointer depth and an
/// optional array length. Only the shapes a flat C API uses are accepted; anything else is refused by name.
/// </summary>
/// <param name="Spelling">The type as clang printed it, e.g. <c>const double *</c>.</param>
/// <param name="BaseName">The named type without qualifiers, e.g. <c>double</c>, <c>cheeger_context</c>, <c>unsigned int</c>.</param>
/// <param name="IsConst">Whether the base type is const (<c>const double *</c>).</param>
/// <param name="PointerDepth">Number of <c>*</c>.</param>
/// <param name="ArrayLength">The length of a fixed array member (<c>char[256]</c>), else null.</param>
public sealed partial record CType(string Spelling, string BaseName, bool IsConst, int PointerDepth, int? ArrayLength)
{
    /// <summary>True for <c>void</c> with no pointer.</summary>
    public bool IsVoid => BaseName == "void" && PointerDepth == 0;

    /// <summary>Parses clang's spelling of a type.</summary>
    /// <exception cref="BindingsException">The type has a shape a flat C API binding does not support.</exception>
    public static CType Parse(string spelling)
    {
        string rest = spelling.Trim();
        int? arrayLength = null;
        Match array = ArraySuffix().Match(rest);
        if (array.Success)
        {
            arrayLength = int.Parse(array.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            rest = rest[..array.Index].TrimEnd();
        }
        if (rest.Contains('(') || rest.Contains('['))
            throw new BindingsException($"Unsupported C type '{spelling}': function pointers and multi-dimensional arrays have no binding rule.");

        int pointerDepth = 0;
        while (rest.EndsWith('*'))
        {
            pointerDepth++;
            rest = rest[..^1].TrimEnd();
            if (rest.EndsWith(" const", StringComparison.Ordinal))
                throw new BindingsException($"Unsupported C type '{spelling}': const pointers (T * const) have no binding rule.");
        }
        if (rest.Contains('*'))
            throw new BindingsException($"Unsupported C type '{spelling}': const pointers (T * const) have no binding rule.");
        if (arrayLength is not null && pointerDepth > 0)
            throw new BindingsException($"Unsupported C type '{spelling}': arrays of pointers have no binding rule.");

        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        bool isConst = words.Remove("const");
        if (words.Contains("const") || words.Contains("volatile") || words.Count == 0)
            throw new BindingsException($"Unsupported C type '{spelling}'.");
        return new CType(spelling, string.Join(' ', words), isConst, pointerDepth, arrayLength);
    }

    /// <summary>A declaration of <paramref name="name"/> with a type spelled <paramref name="spelling"/>: <c>const double *points</c>.</summary>
    public static string Declare(string spelling, string name) =>
        spelling.EndsWith('*') ? spelling + name : $"{spelling} {name}";

    /// <summary>A struct member declaration as C writes it: <c>char cuda_device_name[256]</c>, <c>double tolerance</c>.</summary>
    public static string DeclareMember(CType type, string name) =>
        type.ArrayLength is { } length ? $"{type.Spelling[..type.Spelling.LastIndexOf('[')].TrimEnd()} {name}[{length}]" : Declare(type.Spelling, name);

    [GeneratedRegex(@"\[(\d+)\]$")]
    private static partial Regex ArraySuffix();
}
