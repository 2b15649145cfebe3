using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>The library's progress callback reaches the request's <see cref="IProgress{T}"/> through the safe layer, and what that throws comes back after the call.</summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeIsoperimetricProgressTests
{
    [Fact]
    public void TheStagesAreTheCApis()
    {
        Assert.Equal(Enum.GetValues<CheegerIsoStage>().Select(s => ((int)s, s.ToString())),
            Enum.GetValues<IsoperimetricStage>().Select(s => ((int)s, s.ToString())));
    }

    [Theory]
    [InlineData(SpanningTreeAlgorithm.Kdtree)]
    [InlineData(SpanningTreeAlgorithm.Prim)]
    public void TheCallbackReachesTheProgressOnTheCallingThreadStageByStage(SpanningTreeAlgorithm algorithm)
    {
        Requirements.NativeLibrary();
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data("s1.csv"));
        var options = new IsoperimetricOptions { K = 15, SpanningTree = algorithm, Standardize = true, Workers = 2 };
        var reports = new List<(IsoperimetricProgress Report, int Thread)>();
        var progress = new Recorder(report => reports.Add((report, Environment.CurrentManagedThreadId)));
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();

        var quiet = backend.Run(data, options, TestContext.Current.CancellationToken);
        var reported = backend.Run(data, options, progress, TestContext.Current.CancellationToken);

        Assert.Equal(quiet.Labels, reported.Labels);
        Assert.All(reports, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
        IsoperimetricStage[] stages = [.. reports.Select(r => r.Report.Stage).Distinct()];
        Assert.Equal(Enum.GetValues<IsoperimetricStage>(), stages);                     // every stage, in order, each once
        Assert.Equal([.. stages.Order()], stages);
        foreach (IsoperimetricStage stage in stages)
        {
            double[] fractions = [.. reports.Where(r => r.Report.Stage == stage).Select(r => r.Report.Fraction)];
            Assert.Equal(0, fractions[0]);
            Assert.All(fractions, f => Assert.InRange(f, 0, 1));
            Assert.Equal([.. fractions.Order()], fractions);
        }
        Assert.True(reports.Count(r => r.Report.Stage == IsoperimetricStage.SpanningTree) > 3, "the tree's rounds or steps are reported");
        Assert.Equal(1 + reported.Probes.Count, reports.Count(r => r.Report.Stage == IsoperimetricStage.Search));
        Assert.Equal(IsoperimetricProgress.Finished, reports[^1].Report);
    }

    [Fact]
    public void WhatTheProgressThrowsIsRethrownAfterTheCallAndTheContextStaysUsable()
    {
        Requirements.NativeLibrary();
        var data = CsvDatasetReader.Load(RepositoryLayout.Data("wine.csv"));
        var options = new IsoperimetricOptions { K = 3 };
        var seen = new List<IsoperimetricProgress>();
        var failing = new Recorder(report =>
        {
            seen.Add(report);
            if (report.Stage == IsoperimetricStage.Weights) throw new InvalidOperationException("stop");
        });
        using NativeIsoperimetric backend = NativeIsoperimetric.Cpu();
        var expected = backend.Run(data, options, TestContext.Current.CancellationToken);

        var error = Assert.Throws<InvalidOperationException>(() => backend.Run(data, options, failing, TestContext.Current.CancellationToken));
        var after = backend.Run(data, options, TestContext.Current.CancellationToken);

        Assert.Equal("stop", error.Message);
        Assert.Contains(nameof(WhatTheProgressThrowsIsRethrownAfterTheCallAndTheContextStaysUsable), error.StackTrace);
        Assert.Equal(IsoperimetricProgress.Start(IsoperimetricStage.Weights), seen[^1]);   // nothing reached it after it threw
        Assert.Equal(expected.Labels, after.Labels);
    }

    [Fact]
    public void ASubscriptionDisposedClearsTheCallback()
    {
        Requirements.NativeLibrary();
        using var context = NativeContext.Create(CheegerBackend.Cpu, 1);
        int calls = 0;
        using (context.ReportProgress((_, _) => calls++))
        {
        }
        var data = CsvDatasetReader.Load(RepositoryLayout.Data("wine.csv"));
        var parameters = CheegerIsoperimetric.DefaultParameters();
        parameters.K = 3;

        CheegerIsoperimetric.Run(context, data.Points.Span, data.Dimension, parameters, new int[data.Count], [], [], [], null);

        Assert.Equal(0, calls);
    }

    private sealed class Recorder(Action<IsoperimetricProgress> onReport) : IProgress<IsoperimetricProgress>
    {
        public void Report(IsoperimetricProgress value) => onReport(value);
    }
}
