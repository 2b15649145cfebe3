namespace Cheeger.Bindings.Generator;

/// <summary>The public declarations of a C header, in header order: what the C# bindings are written from.</summary>
/// <param name="HeaderFileName">The header's file name (no folder), named in the generated banner.</param>
/// <param name="Constants">The integer macros the generator reads (the version numbers).</param>
/// <param name="Declarations">Enums, structs, handles and functions, in the order the header declares them.</param>
public sealed record HeaderModel(string HeaderFileName, IReadOnlyList<MacroConstant> Constants, IReadOnlyList<HeaderDeclaration> Declarations)
{
    /// <summary>The shared constants and defaults of the header (every numeric define but the version).</summary>
    public IReadOnlyList<ContractConstant> ContractConstants { get; init; } = [];

    /// <summary>The functions, in header order.</summary>
    public IEnumerable<FunctionDeclaration> Functions => Declarations.OfType<FunctionDeclaration>();
}

/// <summary>An integer <c>#define</c> of the header.</summary>
public sealed record MacroConstant(string Name, int Value);

/// <summary>One top-level declaration of the header.</summary>
/// <param name="Name">The C name (the typedef name for enums, structs and handles).</param>
/// <param name="Comment">The comment the header puts before it, flattened to one line; null when none.</param>
public abstract record HeaderDeclaration(string Name, string? Comment);

/// <summary><c>typedef enum name { ... } name;</c></summary>
/// <param name="UnderlyingCType">The fixed underlying type when the header gives one, else null (C's int).</param>
public sealed record EnumDeclaration(string Name, string? Comment, string? UnderlyingCType, IReadOnlyList<EnumConstant> Constants)
    : HeaderDeclaration(Name, Comment);

/// <summary>One enumerator with its value as the compiler computed it.</summary>
public sealed record EnumConstant(string Name, long Value, string? Comment);

/// <summary><c>typedef struct name { ... } name;</c> with a complete definition.</summary>
public sealed record StructDeclaration(string Name, string? Comment, IReadOnlyList<StructField> Fields)
    : HeaderDeclaration(Name, Comment);

/// <summary>A struct member.</summary>
public sealed record StructField(string Name, CType Type, string? Comment);

/// <summary><c>typedef struct tag* name;</c> where the struct is never defined: an opaque handle.</summary>
public sealed record HandleDeclaration(string Name, string? Comment, string Tag) : HeaderDeclaration(Name, Comment);

/// <summary><c>typedef R (*name)(P1, P2, ...);</c>: a function pointer the caller hands to the library.</summary>
/// <param name="ReturnType">What the function returns.</param>
/// <param name="ParameterTypes">Its parameters' types, in order (C keeps no names in a function pointer type).</param>
public sealed record CallbackDeclaration(string Name, string? Comment, CType ReturnType, IReadOnlyList<CType> ParameterTypes)
    : HeaderDeclaration(Name, Comment)
{
    /// <summary>The C typedef, as the generated file quotes it.</summary>
    public string Typedef =>
        $"typedef {ReturnType.Spelling} (*{Name})({(ParameterTypes.Count == 0 ? "void" : string.Join(", ", ParameterTypes.Select(p => p.Spelling)))});";
}

/// <summary>An exported function.</summary>
public sealed record FunctionDeclaration(string Name, string? Comment, CType ReturnType, IReadOnlyList<FunctionParameter> Parameters)
    : HeaderDeclaration(Name, Comment)
{
    /// <summary>The C prototype, as the generated file quotes it above the import.</summary>
    public string Prototype =>
        $"{CType.Declare(ReturnType.Spelling, Name)}({(Parameters.Count == 0 ? "void" : string.Join(", ", Parameters.Select(p => CType.Declare(p.Type.Spelling, p.Name))))});";
}

/// <summary>A function parameter.</summary>
public sealed record FunctionParameter(string Name, CType Type);
