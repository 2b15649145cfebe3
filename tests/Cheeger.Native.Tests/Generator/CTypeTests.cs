using Cheeger.Bindings.Generator;

namespace Cheeger.Native.Tests.Generator;

public sealed class CTypeTests
{
    [Theory]
    [InlineData("double", "double", false, 0, null)]
    [InlineData("const double *", "double", true, 1, null)]
    [InlineData("cheeger_context *", "cheeger_context", false, 1, null)]
    [InlineData("char[256]", "char", false, 0, 256)]
    [InlineData("unsigned int", "unsigned int", false, 0, null)]
    [InlineData("const cheeger_kmeans_params *", "cheeger_kmeans_params", true, 1, null)]
    [InlineData("struct cheeger_context_t *", "struct cheeger_context_t", false, 1, null)]
    [InlineData("double **", "double", false, 2, null)]
    public void ParsesTheShapesOfAFlatApi(string spelling, string baseName, bool isConst, int pointers, int? arrayLength)
    {
        CType type = CType.Parse(spelling);

        Assert.Equal(baseName, type.BaseName);
        Assert.Equal(isConst, type.IsConst);
        Assert.Equal(pointers, type.PointerDepth);
        Assert.Equal(arrayLength, type.ArrayLength);
    }

    [Theory]
    [InlineData("int (*)(int)")]
    [InlineData("double *const")]
    [InlineData("double[2][3]")]
    [InlineData("volatile int")]
    public void RefusesShapesWithoutARule(string spelling)
    {
        var error = Assert.Throws<BindingsException>(() => CType.Parse(spelling));
        Assert.Contains(spelling, error.Message);
    }

    [Fact]
    public void DeclaresPointersAndArraysTheWayCWritesThem()
    {
        Assert.Equal("const double *points", CType.Declare("const double *", "points"));
        Assert.Equal("int64_t n", CType.Declare("int64_t", "n"));
        Assert.Equal("char name[256]", CType.DeclareMember(CType.Parse("char[256]"), "name"));
    }
}
