namespace Cheeger.Build.Tests;

public sealed class PublicApiBaselineTests
{
    private const string Added =
        "/r/src/A/Thing.cs(12,19): warning RS0016: Symbol 'A.Thing.Grow(int by) -> void' is not part of the declared public API (https://github.com/dotnet/roslyn/blob/main/src/RoslynAnalyzers/PublicApiAnalyzers/PublicApiAnalyzers.Help.md) [/r/src/A/A.csproj]";
    private const string Gone =
        "CSC : warning RS0017: Symbol 'A.Thing.Shrink() -> void' is part of the declared API, but is either not public or could not be found (https://github.com/dotnet/roslyn/blob/main/src/RoslynAnalyzers/PublicApiAnalyzers/PublicApiAnalyzers.Help.md) [/r/src/A/A.csproj]";

    [Fact]
    public void Undeclared_and_vanished_symbols_are_read_from_the_build_output_once_each()
    {
        var findings = PublicApiBaseline.Parse([Added, "  A -> /r/src/A/bin/A.dll", Added, Gone]);

        Assert.Equal(
            [new("/r/src/A/A.csproj", true, "A.Thing.Grow(int by) -> void"), new("/r/src/A/A.csproj", false, "A.Thing.Shrink() -> void")],
            findings);
    }

    [Fact]
    public void The_file_gains_the_new_symbols_loses_the_vanished_ones_and_stays_sorted_under_its_header()
    {
        string before = "#nullable enable\nA.Thing.Shrink() -> void\nA.Thing\n";

        string after = PublicApiBaseline.Update(before, ["A.Thing.Grow(int by) -> void"], new HashSet<string> { "A.Thing.Shrink() -> void" });

        Assert.Equal("#nullable enable\nA.Thing\nA.Thing.Grow(int by) -> void\n", after);
    }
}
