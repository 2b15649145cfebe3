using Cheeger.Bindings.Generator;

namespace Cheeger.Native.Tests.Generator;

public sealed class BindingsConventionsTests
{
    private readonly BindingsConventions _conventions = BindingsConventions.Cheeger;

    [Theory]
    [InlineData("cheeger_status", "CheegerStatus")]
    [InlineData("cheeger_kmeans_params", "CheegerKMeansParams")]
    [InlineData("cheeger_backend_flag", "CheegerBackendFlag")]
    public void TypeNamesArePascalCaseWithTheKMeansSpelling(string cName, string expected) =>
        Assert.Equal(expected, _conventions.TypeName(cName));

    [Theory]
    [InlineData("cheeger_kmeans_run", "KMeansRun")]
    [InlineData("cheeger_last_error", "LastError")]
    [InlineData("cheeger_context_create", "ContextCreate")]
    public void FunctionNamesDropTheLibraryPrefix(string cName, string expected) =>
        Assert.Equal(expected, _conventions.FunctionName(cName));

    [Theory]
    [InlineData("cheeger_status", "CHEEGER_STATUS_INVALID_ARGUMENT", "InvalidArgument")]
    [InlineData("cheeger_backend", "CHEEGER_BACKEND_CUDA", "Cuda")]
    [InlineData("cheeger_backend_flag", "CHEEGER_BACKEND_FLAG_CPU", "Cpu")]
    [InlineData("cheeger_status", "OTHER_NAME", "OtherName")]
    [InlineData("some_enum", "SOME_ENUM_2D", "Value2d")]
    public void EnumConstantsDropTheirEnumsPrefix(string enumName, string constant, string expected) =>
        Assert.Equal(expected, _conventions.EnumConstantName(enumName, constant));

    [Theory]
    [InlineData("rows_out", "rowsOut")]
    [InlineData("out", "@out")]
    [InlineData("params", "@params")]
    [InlineData("initial_centroids", "initialCentroids")]
    public void ParametersAreCamelCaseWithKeywordsEscaped(string cName, string expected) =>
        Assert.Equal(expected, _conventions.ParameterName(cName));
}
