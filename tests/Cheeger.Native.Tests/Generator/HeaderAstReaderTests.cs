using System.Text.Json;
using Cheeger.Bindings.Generator;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Generator;

/// <summary>The AST reader on small headers written for each case, parsed by the real clang.</summary>
public sealed class HeaderAstReaderTests : IDisposable
{
    private readonly string _folder = StandInLibrary.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void KeepsOnlyWhatTheHeaderItselfDeclares()
    {
        File.WriteAllText(Path.Combine(_folder, "other.h"), """
            typedef struct other_point { double x; } other_point;
            int other_function(int value);
            """);
        IReadOnlyList<HeaderDeclaration> declarations = Read("""
            #include <stdint.h>
            #include "other.h"
            /* A pair. */
            typedef struct pair { int32_t a; int64_t b; } pair;
            int32_t pair_sum(const pair* p);
            """);

        Assert.Equal(["pair", "pair_sum"], declarations.Select(d => d.Name));
        var pair = Assert.IsType<StructDeclaration>(declarations[0]);
        Assert.Equal("A pair.", pair.Comment);
        Assert.Equal(["a", "b"], pair.Fields.Select(f => f.Name));
        var sum = Assert.IsType<FunctionDeclaration>(declarations[1]);
        Assert.Equal("int32_t pair_sum(const pair *p);", sum.Prototype);
    }

    [Fact]
    public void ADeclarationWrittenByAnIncludedMacroBelongsToTheHeaderThatExpandsIt()
    {
        File.WriteAllText(Path.Combine(_folder, "macros.h"), """
            #define DECLARE_GETTER(name) int name(void);
            DECLARE_GETTER(included_getter)
            """);
        IReadOnlyList<HeaderDeclaration> declarations = Read("""
            #include "macros.h"
            DECLARE_GETTER(own_getter)
            """);

        Assert.Equal(["own_getter"], declarations.Select(d => d.Name));
    }

    [Fact]
    public void ComputesImplicitEnumValuesAndRecognisesOpaqueHandles()
    {
        IReadOnlyList<HeaderDeclaration> declarations = Read("""
            typedef enum colour { COLOUR_RED, COLOUR_GREEN = 5, COLOUR_BLUE } colour;
            typedef struct engine_t* engine;
            colour engine_colour(engine e);
            """);

        var colour = Assert.IsType<EnumDeclaration>(declarations[0]);
        Assert.Equal([0L, 5L, 6L], colour.Constants.Select(c => c.Value));
        var engine = Assert.IsType<HandleDeclaration>(declarations[1]);
        Assert.Equal("engine_t", engine.Tag);
        Assert.IsType<FunctionDeclaration>(declarations[2]);
    }

    [Fact]
    public void ReadsAFunctionPointerTypedefAsACallback()
    {
        IReadOnlyList<HeaderDeclaration> declarations = Read("""
            #include <stdint.h>
            /* Hears about it. */
            typedef void (*listener)(void* user_data, int32_t code, double value);
            typedef int32_t (*getter)(void);
            """);

        var listener = Assert.IsType<CallbackDeclaration>(declarations[0]);
        Assert.Equal("Hears about it.", listener.Comment);
        Assert.True(listener.ReturnType.IsVoid);
        Assert.Equal(["void *", "int32_t", "double"], listener.ParameterTypes.Select(t => t.Spelling));
        Assert.Equal("typedef void (*listener)(void *, int32_t, double);", listener.Typedef);
        var getter = Assert.IsType<CallbackDeclaration>(declarations[1]);
        Assert.Equal("int32_t", getter.ReturnType.Spelling);
        Assert.Empty(getter.ParameterTypes);
    }

    [Theory]
    [InlineData("typedef void (*nested)(void (*inner)(int));", "void (*)(void (*)(int))")]
    [InlineData("typedef union u { int a; float b; } u;", "union u")]
    [InlineData("typedef struct s { int bits : 3; } s;", "bit-field s.bits")]
    [InlineData("int printf_like(const char* format, ...);", "variadic function printf_like")]
    [InlineData("typedef int counter;", "typedef int counter")]
    [InlineData("extern int global_value;", "VarDecl named 'global_value'")]
    public void RefusesDeclarationsWithoutARuleByName(string header, string named)
    {
        var error = Assert.Throws<BindingsException>(() => Read(header));
        Assert.Contains(named, error.Message);
    }

    private IReadOnlyList<HeaderDeclaration> Read(string headerText)
    {
        string clang = Requirements.Clang();
        string header = Path.Combine(_folder, "test.h");
        File.WriteAllText(header, headerText);
        using JsonDocument ast = ClangAstDumper.Dump(clang, header);
        return HeaderAstReader.Read(ast.RootElement, header);
    }
}
