using Cheeger.Bindings.Generator;

namespace Cheeger.Native.Tests.Generator;

public sealed class BindingsVerifierTests
{
    [Fact]
    public void EqualTextsHaveNoDifference() => Assert.Null(BindingsVerifier.Compare("a\nb\n", "a\nb\n", "file.cs"));

    [Fact]
    public void NamesTheFirstDifferingLineWithBothVersions()
    {
        string? difference = BindingsVerifier.Compare("a\nb\nc\n", "a\nB\nc\n", "file.cs");

        Assert.NotNull(difference);
        Assert.Contains("line 2", difference);
        Assert.Contains("generated: 'b'", difference);
        Assert.Contains("on disk:   'B'", difference);
    }

    [Fact]
    public void ReportsCrlfLineEndsAndMissingLines()
    {
        Assert.Contains("CRLF", BindingsVerifier.Compare("a\nb\n", "a\r\nb\r\n", "file.cs"));
        string? shorter = BindingsVerifier.Compare("a\nb\nc\n", "a\nb", "file.cs");
        Assert.Contains("line 3", shorter);
        Assert.Contains("(end of file)", shorter);
    }
}
