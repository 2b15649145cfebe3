using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>What the managed backends report to an <see cref="IProgress{T}"/> while they run, and that reporting changes nothing.</summary>
public sealed class ProgressTests
{
    public static TheoryData<string, SpanningTreeAlgorithm> Runs => new()
    {
        { "serial", SpanningTreeAlgorithm.Prim },
        { "parallel", SpanningTreeAlgorithm.Prim },
        { "parallel", SpanningTreeAlgorithm.Boruvka },
        { "parallel", SpanningTreeAlgorithm.Kdtree },
    };

    private static IIsoperimetricBackend Backend(string name) =>
        name == "serial" ? new SerialIsoperimetric() : new ParallelIsoperimetric();

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_run_reports_each_stage_in_order_on_the_calling_thread_with_the_trees_rounds_and_every_probe(string backend, SpanningTreeAlgorithm algorithm)
    {
        var data = TestData.Sample(TestData.Load("s1"), 3000, 5);
        var options = new IsoperimetricOptions { K = 15, SpanningTree = algorithm, Standardize = true, FullLabels = true, Workers = 2 };
        var cancellation = TestContext.Current.CancellationToken;
        var quiet = Backend(backend).Run(data, options, cancellation);
        var recorder = new ProgressRecorder();

        var reported = Backend(backend).Run(data, options, recorder, cancellation);

        recorder.AssertWellFormed(Environment.CurrentManagedThreadId, standardized: true);
        Assert.Equal(quiet.Labels, reported.Labels);
        Assert.Equal(quiet.FullLabels, reported.FullLabels);
        var tree = recorder.Of(IsoperimetricStage.SpanningTree);
        if (algorithm == SpanningTreeAlgorithm.Prim)
        {
            Assert.Equal(1 + 49 + 1, tree.Count);      // the start, every 2 % (60) of the 2999 steps, and the last
            Assert.Equal(1, tree[^1]);
        }
        else
        {
            Assert.InRange(tree.Count, 4, 1 + 12);      // the start, then each round: at most ⌈log₂ 3000⌉ of them
            Assert.Equal(1, tree[^1]);                  // the last round leaves one component
        }
        var search = recorder.Of(IsoperimetricStage.Search);
        Assert.Equal(1 + reported.Probes.Count, search.Count);      // the start, then every probe
        Assert.True(search[^1] >= 0.9, $"the search ends at {search[^1]} of its expected probes");
    }

    [Fact]
    public void Without_standardizing_the_first_report_is_the_spanning_trees_start()
    {
        var data = TestData.Load("wine");
        var recorder = new ProgressRecorder();

        new SerialIsoperimetric().Run(data, new IsoperimetricOptions { K = 3 }, recorder, TestContext.Current.CancellationToken);

        recorder.AssertWellFormed(Environment.CurrentManagedThreadId, standardized: false);
        Assert.Equal(IsoperimetricProgress.Start(IsoperimetricStage.SpanningTree), recorder.Reports[0]);
    }

    [Fact]
    public void What_the_progress_throws_ends_the_run_and_reaches_the_caller()
    {
        var data = TestData.Load("wine");
        var failing = new FailingProgress(IsoperimetricStage.Search);

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ParallelIsoperimetric().Run(data, new IsoperimetricOptions { K = 3, Workers = 2 }, failing, TestContext.Current.CancellationToken));

        Assert.Equal("stop at Search", error.Message);
    }

    [Fact]
    public void The_expected_probes_are_the_bracket_and_the_tolerances_halvings_plus_what_does_not_narrow_the_bracket()
    {
        // τ = 1e-12: ⌈log₂ 10¹²⌉ = 40 halvings after the first failure, and the failing one.
        Assert.Equal(2 + 41, SearchProgress.ExpectedProbes(1e-12, 200, doublings: 0, leadingSuccesses: 0));
        Assert.Equal(2 + 1 + 41 + 5, SearchProgress.ExpectedProbes(1e-12, 200, doublings: 1, leadingSuccesses: 5));
        Assert.Equal(2 + 10, SearchProgress.ExpectedProbes(1e-12, 10, doublings: 0, leadingSuccesses: 5));    // capped by the step limit
        Assert.Equal(2 + 2, SearchProgress.ExpectedProbes(0.5, 200, doublings: 0, leadingSuccesses: 0));
    }

    [Fact]
    public void Stage_titles_name_every_stage()
    {
        Assert.Equal(["standardize", "spanning tree", "weights", "ε search", "labels"],
            Enum.GetValues<IsoperimetricStage>().Select(s => s.Title()));
    }

    private sealed class FailingProgress(IsoperimetricStage at) : IProgress<IsoperimetricProgress>
    {
        public void Report(IsoperimetricProgress value)
        {
            if (value.Stage == at) throw new InvalidOperationException($"stop at {at}");
        }
    }
}
