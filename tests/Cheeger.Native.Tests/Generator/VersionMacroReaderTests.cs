using Cheeger.Bindings.Generator;

namespace Cheeger.Native.Tests.Generator;

public sealed class VersionMacroReaderTests
{
    [Fact]
    public void ReadsTheThreeVersionLines()
    {
        const string header = """
            #define CHEEGER_VERSION_MAJOR 2
            #  define CHEEGER_VERSION_MINOR   14 /* minor */
            #define CHEEGER_VERSION_PATCH 7
            #define CHEEGER_OTHER 9
            """;

        IReadOnlyList<MacroConstant> constants = VersionMacroReader.Read(header);

        Assert.Equal(
            [new("CHEEGER_VERSION_MAJOR", 2), new("CHEEGER_VERSION_MINOR", 14), new("CHEEGER_VERSION_PATCH", 7)],
            constants);
    }

    [Fact]
    public void RefusesAVersionLineOfAnotherShape()
    {
        const string header = "#define CHEEGER_VERSION_MAJOR (1)\n#define CHEEGER_VERSION_MINOR 0\n#define CHEEGER_VERSION_PATCH 0\n";

        var error = Assert.Throws<BindingsException>(() => VersionMacroReader.Read(header));
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void RefusesAMissingOrRepeatedVersion()
    {
        Assert.Contains("CHEEGER_VERSION_PATCH",
            Assert.Throws<BindingsException>(() => VersionMacroReader.Read("#define CHEEGER_VERSION_MAJOR 1\n#define CHEEGER_VERSION_MINOR 0\n")).Message);
        Assert.Contains("twice",
            Assert.Throws<BindingsException>(() => VersionMacroReader.Read(
                "#define CHEEGER_VERSION_MAJOR 1\n#define CHEEGER_VERSION_MAJOR 2\n#define CHEEGER_VERSION_MINOR 0\n#define CHEEGER_VERSION_PATCH 0\n")).Message);
    }
}
