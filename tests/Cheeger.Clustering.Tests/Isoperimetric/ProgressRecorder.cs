using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>Keeps every report, and the thread it came on, as it is made (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class ProgressRecorder : IProgress<IsoperimetricProgress>
{
    private readonly List<(IsoperimetricProgress Report, int Thread)> _reports = [];

    public IReadOnlyList<IsoperimetricProgress> Reports => [.. _reports.Select(r => r.Report)];

    public IReadOnlyList<int> Threads => [.. _reports.Select(r => r.Thread)];

    public void Report(IsoperimetricProgress value) => _reports.Add((value, Environment.CurrentManagedThreadId));

    /// <summary>The fractions reported for <paramref name="stage"/>, in order.</summary>
    public IReadOnlyList<double> Of(IsoperimetricStage stage) => [.. _reports.Where(r => r.Report.Stage == stage).Select(r => r.Report.Fraction)];

    /// <summary>
    /// What every run's reports satisfy: all on <paramref name="thread"/>; the stages in order, from Standardize
    /// when <paramref name="standardized"/>, else from the spanning tree; each starting at 0, in [0, 1] and never
    /// decreasing; Labels at 1 last; a few dozen reports, not one per point.
    /// </summary>
    public void AssertWellFormed(int thread, bool standardized)
    {
        var reports = Reports;
        Assert.NotEmpty(reports);
        Assert.All(Threads, t => Assert.Equal(thread, t));
        Assert.Equal(standardized ? IsoperimetricStage.Standardize : IsoperimetricStage.SpanningTree, reports[0].Stage);
        for (int i = 0; i < reports.Count; i++)
        {
            Assert.InRange(reports[i].Fraction, 0, 1);
            if (i == 0)
            {
                Assert.Equal(0, reports[i].Fraction);
            }
            else if (reports[i].Stage != reports[i - 1].Stage)
            {
                Assert.True(reports[i].Stage > reports[i - 1].Stage, $"report {i} goes back from {reports[i - 1].Stage} to {reports[i].Stage}");
                Assert.Equal(0, reports[i].Fraction);
            }
            else
            {
                Assert.True(reports[i].Fraction >= reports[i - 1].Fraction, $"{reports[i].Stage} went back from {reports[i - 1].Fraction} to {reports[i].Fraction}");
            }
        }
        foreach (var stage in (IsoperimetricStage[])[IsoperimetricStage.SpanningTree, IsoperimetricStage.Weights, IsoperimetricStage.Search, IsoperimetricStage.Labels])
            Assert.NotEmpty(Of(stage));
        Assert.Equal(IsoperimetricProgress.Finished, reports[^1]);
        Assert.True(reports.Count < 200, $"{reports.Count} reports: far more than stages, rounds and probes");
    }
}
