using Cheeger.Bindings.Generator;

namespace Cheeger.Native.Tests.Generator;

public sealed class ContractMacroReaderTests
{
    [Fact]
    public void ReadsEveryNumericDefineButTheVersionGuardAndAttribute()
    {
        const string header = """
            #ifndef CHEEGER_H
            #define CHEEGER_H
            #  define CHEEGER_API __attribute__((visibility("default")))
            #define CHEEGER_VERSION_MAJOR 0
            #define CHEEGER_KMEANS_CHUNK_ROWS 4096 /* rows */
            #define CHEEGER_ISO_DEFAULT_SIGMA_SCALE 2.0
            #define CHEEGER_ISO_DEFAULT_SEARCH_TOLERANCE 1e-12
            """;

        Assert.Equal(
            [new("CHEEGER_KMEANS_CHUNK_ROWS", "4096", true), new("CHEEGER_ISO_DEFAULT_SIGMA_SCALE", "2.0", false),
             new("CHEEGER_ISO_DEFAULT_SEARCH_TOLERANCE", "1e-12", false)],
            ContractMacroReader.Read(header));
    }

    [Fact]
    public void RefusesADefineOfAnotherShapeOrARepeatedOne()
    {
        Assert.Contains("line 1", Assert.Throws<BindingsException>(() => ContractMacroReader.Read("#define CHEEGER_LIMIT (1 << 4)\n")).Message);
        Assert.Contains("twice", Assert.Throws<BindingsException>(() => ContractMacroReader.Read("#define CHEEGER_A 1\n#define CHEEGER_A 2\n")).Message);
    }
}
