using System.Text;

namespace Cheeger.Bindings.Generator;

/// <summary>
/// The few choices the header cannot tell the generator: where the bindings go, and the renames and overrides
/// that make C names read well in C#. Everything else follows from the header.
/// </summary>
public sealed record BindingsConventions
{
    /// <summary>The conventions of cheeger.h.</summary>
    public static BindingsConventions Cheeger { get; } = new();

    /// <summary>The namespace of the generated file.</summary>
    public string Namespace { get; init; } = "Cheeger.Interop";

    /// <summary>The static class holding the imports.</summary>
    public string MethodsClass { get; init; } = "NativeMethods";

    /// <summary>The static class holding the header's integer macros.</summary>
    public string ConstantsClass { get; init; } = "CheegerConstants";

    /// <summary>The library name handed to <c>LibraryImport</c> (resolved at run time by the safe layer's loader).</summary>
    public string LibraryName { get; init; } = "cheeger";

    /// <summary>The prefix dropped from function and macro names (the class already says where they come from).</summary>
    public string Prefix { get; init; } = "cheeger";

    /// <summary>Words spelled differently from plain capitalisation.</summary>
    public IReadOnlyDictionary<string, string> WordRenames { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["kmeans"] = "KMeans" };

    /// <summary>Enums whose values are bits to combine: written with <c>[Flags]</c>.</summary>
    public IReadOnlySet<string> FlagsEnums { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "cheeger_backend_flag" };

    /// <summary><c>snake_case</c> or <c>UPPER_CASE</c> → <c>PascalCase</c>, with <see cref="WordRenames"/>.</summary>
    public string Pascal(string cName)
    {
        var result = new StringBuilder();
        foreach (string word in cName.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            string lower = word.ToLowerInvariant();
            if (WordRenames.TryGetValue(lower, out string? renamed)) result.Append(renamed);
            else result.Append(char.ToUpperInvariant(lower[0])).Append(lower.AsSpan(1));
        }
        return result.ToString();
    }

    /// <summary>A type name: <c>cheeger_kmeans_params</c> → <c>CheegerKMeansParams</c>.</summary>
    public string TypeName(string cName) => Pascal(cName);

    /// <summary>A function name without the library prefix: <c>cheeger_kmeans_run</c> → <c>KMeansRun</c>.</summary>
    public string FunctionName(string cName) => Pascal(WithoutPrefix(cName));

    /// <summary>A macro name without the library prefix: <c>CHEEGER_VERSION_MAJOR</c> → <c>VersionMajor</c>.</summary>
    public string ConstantName(string cName) => Pascal(WithoutPrefix(cName));

    /// <summary>An enumerator without its enum's prefix: <c>CHEEGER_STATUS_INVALID_ARGUMENT</c> → <c>InvalidArgument</c>.</summary>
    public string EnumConstantName(string enumName, string constantName)
    {
        string prefix = enumName.ToUpperInvariant() + "_";
        string name = constantName.StartsWith(prefix, StringComparison.Ordinal) ? constantName[prefix.Length..] : constantName;
        string pascal = Pascal(name);
        return char.IsDigit(pascal[0]) ? "Value" + pascal : pascal;
    }

    /// <summary>A struct field: <c>cuda_device_name</c> → <c>CudaDeviceName</c>.</summary>
    public string FieldName(string cName) => Pascal(cName);

    /// <summary>A parameter: <c>rows_out</c> → <c>rowsOut</c>, with C# keywords escaped (<c>out</c> → <c>@out</c>).</summary>
    public string ParameterName(string cName)
    {
        string pascal = Pascal(cName);
        string camel = char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return CSharpKeywords.Contains(camel) ? "@" + camel : camel;
    }

    private string WithoutPrefix(string cName) =>
        cName.StartsWith(Prefix + "_", StringComparison.OrdinalIgnoreCase) ? cName[(Prefix.Length + 1)..] : cName;

    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };
}
