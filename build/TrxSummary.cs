using System.Xml.Linq;

namespace Cheeger.Build;

/// <summary>The counters of a VSTest .trx results file (what <c>dotnet test --logger trx</c> writes).</summary>
internal sealed record TrxSummary(int Total, int Passed, int Failed, int Skipped)
{
    public static TrxSummary Read(string path)
    {
        var counters = XDocument.Load(path).Descendants().First(e => e.Name.LocalName == "Counters");
        int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return new TrxSummary(Count("total"), Count("passed"), Count("failed") + Count("error") + Count("timeout") + Count("aborted"), Count("notExecuted"));
    }

    public override string ToString() =>
        Total == 0 ? "no tests" : $"{Total} tests: {Passed} passed, {Failed} failed, {Skipped} skipped";
}
