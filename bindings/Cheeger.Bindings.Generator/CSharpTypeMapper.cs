namespace Cheeger.Bindings.Generator;

/// <summary>
/// Maps C types to blittable C# types: fixed-width integers by their width, the header's enums, structs and
/// handles by their generated names, pointers to raw pointers. Types whose width differs between platforms
/// (<c>long</c>, <c>bool</c>) are refused so the header keeps to fixed-width types.
/// </summary>
public sealed class CSharpTypeMapper
{
    private static readonly Dictionary<string, string> Scalars = new(StringComparer.Ordinal)
    {
        ["void"] = "void",
        ["char"] = "byte", ["signed char"] = "sbyte", ["unsigned char"] = "byte",
        ["int8_t"] = "sbyte", ["uint8_t"] = "byte",
        ["int16_t"] = "short", ["uint16_t"] = "ushort", ["short"] = "short", ["unsigned short"] = "ushort",
        ["int32_t"] = "int", ["uint32_t"] = "uint", ["int"] = "int", ["unsigned int"] = "uint",
        ["int64_t"] = "long", ["uint64_t"] = "ulong", ["long long"] = "long", ["unsigned long long"] = "ulong",
        ["float"] = "float", ["double"] = "double",
        ["size_t"] = "nuint", ["intptr_t"] = "nint", ["uintptr_t"] = "nuint", ["ptrdiff_t"] = "nint",
    };

    private readonly BindingsConventions _conventions;
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    /// <summary>A mapper that knows the enums, structs and handles of <paramref name="model"/>.</summary>
    public CSharpTypeMapper(HeaderModel model, BindingsConventions conventions)
    {
        _conventions = conventions;
        foreach (HeaderDeclaration declaration in model.Declarations)
        {
            if (declaration is EnumDeclaration or StructDeclaration or HandleDeclaration or CallbackDeclaration)
                _named[declaration.Name] = conventions.TypeName(declaration.Name);
        }
    }

    /// <summary>The C# type of a scalar or of the element of a pointer or array.</summary>
    public string Element(CType type)
    {
        if (Scalars.TryGetValue(type.BaseName, out string? scalar)) return scalar;
        if (_named.TryGetValue(type.BaseName, out string? named)) return named;
        throw new BindingsException(
            $"The C type '{type.Spelling}' has no binding rule (use a fixed-width type from stdint.h, or a type the header declares).");
    }

    /// <summary>The C# type of a struct field; arrays become inline-array buffers (see <see cref="BufferName"/>).</summary>
    public string Field(CType type) => type.ArrayLength is { } length ? BufferName(type, length) : Pointer(type);

    /// <summary>The C# type of a parameter: <c>const char*</c> is a UTF-8 <c>string</c>, other pointers are raw.</summary>
    public string Parameter(CType type) => IsInputString(type) ? "string?" : Pointer(type);

    /// <summary>The C# type of a return value: <c>const char*</c> stays <c>byte*</c>, because the library owns the string.</summary>
    public string Return(CType type) => Pointer(type);

    /// <summary>The unmanaged function pointer type of a callback (the platform's C calling convention): <c>delegate* unmanaged&lt;void*, int, double, void&gt;</c>.</summary>
    public string FunctionPointer(CallbackDeclaration callback) =>
        $"delegate* unmanaged<{string.Join(", ", [.. callback.ParameterTypes.Select(Pointer), Pointer(callback.ReturnType)])}>";

    /// <summary>True for <c>const char*</c>, the one pointer passed as a managed string.</summary>
    public static bool IsInputString(CType type) => type is { BaseName: "char", IsConst: true, PointerDepth: 1, ArrayLength: null };

    /// <summary>The inline-array type of a fixed array member, e.g. <c>CharBuffer256</c>.</summary>
    public string BufferName(CType type, int length) => _conventions.Pascal(type.BaseName.Replace(' ', '_')) + "Buffer" + length;

    private string Pointer(CType type)
    {
        string element = Element(type);
        if (type.PointerDepth == 0 && element == "void" && !type.IsVoid)
            throw new BindingsException($"The C type '{type.Spelling}' has no binding rule.");
        return element + new string('*', type.PointerDepth);
    }
}
