namespace Cheeger.Reports.Tests;

/// <summary>The regions a report writes, and the prose around them that it must leave alone.</summary>
public sealed class GeneratedRegionsTests
{
    [Fact]
    public void OnlyTheRegionsContentIsReplaced()
    {
        const string text = "# Title\n\nProse before.\n<!-- report:one -->\nold table\n<!-- /report:one -->\nProse between.\n<!-- report:two -->\n<!-- /report:two -->\nProse after.\n";

        string rendered = GeneratedRegions.Replace(text, name => $"table {name}\n");

        Assert.Equal("# Title\n\nProse before.\n<!-- report:one -->\ntable one\n<!-- /report:one -->\nProse between.\n<!-- report:two -->\ntable two\n<!-- /report:two -->\nProse after.\n", rendered);
        Assert.Equal(["one", "two"], GeneratedRegions.Names(text));
    }

    [Fact]
    public void ARegionWithoutItsEndMarkerIsAnErrorNamingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => GeneratedRegions.Replace("<!-- report:lonely -->\ntext\n", _ => ""));

        Assert.Contains("'lonely'", error.Message);
        Assert.Contains("<!-- /report:lonely -->", error.Message);
    }
}
