using System.Text.Json;

namespace Cheeger.Bindings.Generator;

/// <summary>Header → model → C# text: the one path both <c>generate</c> and <c>verify</c> take.</summary>
public static class BindingsGenerator
{
    /// <summary>Reads <paramref name="headerPath"/> through <paramref name="clang"/> into a model.</summary>
    /// <exception cref="BindingsException">The header is missing, clang fails, or a declaration has no binding rule.</exception>
    public static HeaderModel ReadHeader(string headerPath, string clang)
    {
        if (!File.Exists(headerPath)) throw new BindingsException($"Header not found: {headerPath}");
        string headerText = File.ReadAllText(headerPath);
        IReadOnlyList<MacroConstant> constants = VersionMacroReader.Read(headerText);
        using JsonDocument ast = ClangAstDumper.Dump(clang, headerPath);
        IReadOnlyList<HeaderDeclaration> declarations = HeaderAstReader.Read(ast.RootElement, headerPath);
        if (!declarations.OfType<FunctionDeclaration>().Any())
            throw new BindingsException($"{headerPath} declares no functions: is it the right header?");
        return new HeaderModel(Path.GetFileName(headerPath), constants, declarations)
        {
            ContractConstants = ContractMacroReader.Read(headerText),
        };
    }

    /// <summary>The C# bindings of <paramref name="headerPath"/>, as text.</summary>
    public static string Generate(string headerPath, string clang, BindingsConventions? conventions = null) =>
        CSharpBindingsWriter.Write(ReadHeader(headerPath, clang), conventions ?? BindingsConventions.Cheeger);
}
