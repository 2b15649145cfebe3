using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Gpu.Isoperimetric;
using Cheeger.Interop;

namespace Cheeger.Gpu.Tests;

/// <summary>
/// ILGPU isoperimetric backends on the CPU accelerator, shared by the tests of a class: Prim and Borůvka as the
/// CPU accelerator runs them by default (one thread for the one-group kernels), and both with full groups, as on
/// a GPU, so that the barriers and group reductions are tested too.
/// </summary>
public sealed class CpuIsoperimetricFixture : IDisposable
{
    private readonly Dictionary<string, IlgpuIsoperimetric> _backends = new()
    {
        ["prim"] = new(IlgpuDevicePreference.Cpu, null, CheegerIsoSpanningTree.Prim, fullGroupsOnCpu: false),
        ["boruvka"] = new(IlgpuDevicePreference.Cpu, null, CheegerIsoSpanningTree.Boruvka, fullGroupsOnCpu: false),
        ["prim-groups"] = new(IlgpuDevicePreference.Cpu, null, CheegerIsoSpanningTree.Prim, fullGroupsOnCpu: true),
        ["boruvka-groups"] = new(IlgpuDevicePreference.Cpu, null, CheegerIsoSpanningTree.Boruvka, fullGroupsOnCpu: true),
    };

    public IlgpuIsoperimetric Prim => _backends["prim"];

    public IlgpuIsoperimetric Boruvka => _backends["boruvka"];

    /// <summary>The backend of a configuration: prim, boruvka, prim-groups or boruvka-groups.</summary>
    public IlgpuIsoperimetric Of(string configuration) => _backends[configuration];

    public void Dispose()
    {
        foreach (var backend in _backends.Values) backend.Dispose();
    }
}

/// <summary>
/// The ILGPU isoperimetric backend on the CPU accelerator against the serial reference. The CPU accelerator runs
/// the kernels as .NET code with the reference's arithmetic, so everything must be identical, floats included;
/// both tree algorithms must give the reference's tree. (The conformance suite checks the contract through the
/// registry; these tests check the backend's own parts.)
/// </summary>
public sealed class IlgpuIsoperimetricTests(CpuIsoperimetricFixture fixture) : IClassFixture<CpuIsoperimetricFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (string algorithm in (string[])["prim", "boruvka"])
            foreach (string data in (string[])["iris", "wine", "grid", "blobs"]) cases.Add(algorithm, data);
        // Full groups cost a real barrier per Prim step and per narrow level on the CPU accelerator: two small sets.
        foreach (string algorithm in (string[])["prim-groups", "boruvka-groups"])
            foreach (string data in (string[])["iris", "grid"]) cases.Add(algorithm, data);
        return cases;
    }

    private static Dataset Data(string name) => name switch
    {
        "grid" => RandomData.IntegerGrid(300, 3, 3, seed: 5),      // duplicates and equally long edges everywhere
        "blobs" => RandomData.Blobs(400, 4, 5, seed: 9),
        _ => TestData.Load(name + ".csv"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equals_the_reference_bit_for_bit(string algorithm, string data)
    {
        Dataset points = Data(data);
        // β > 0 (and k = 5 on the grid) leaves outliers, so the device fill has work.
        var options = new IsoperimetricOptions { K = data == "grid" ? 5 : 3, Beta = 0.5, FullLabels = true, IncludeTree = true };
        var expected = new SerialIsoperimetric().Run(points, options, Cancel);
        var actual = fixture.Of(algorithm).Run(points, options, Cancel);

        Assert.Equal("ilgpu", actual.Backend);
        Assert.Equal(expected.Tree!.Parent, actual.Tree!.Parent);
        Assert.Equal(expected.Tree.Order, actual.Tree.Order);
        Assert.Equal(expected.Tree.SquaredEdgeLength, actual.Tree.SquaredEdgeLength);
        Assert.Equal(expected.Sigma, actual.Sigma);
        Assert.Equal(expected.WeightedTree!.VertexWeight, actual.WeightedTree!.VertexWeight);
        Assert.Equal(expected.WeightedTree.Potential, actual.WeightedTree.Potential);
        Assert.Equal(expected.Probes, actual.Probes);
        Assert.Equal(expected.EpsilonHigh, actual.EpsilonHigh);
        Assert.Equal(expected.EpsilonLow, actual.EpsilonLow);
        Assert.Equal(expected.ClusterCosts, actual.ClusterCosts);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.FullLabels, actual.FullLabels);
        Assert.Contains(-1, expected.Labels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Device_decisions_equal_the_serial_decider_at_every_probe(bool strict)
    {
        var reference = new SerialIsoperimetric().Run(TestData.Load("wine.csv"), new IsoperimetricOptions { K = 3, IncludeTree = true }, Cancel);
        var tree = reference.WeightedTree!;
        var serial = new SerialTreeDecider(tree);
        var device = fixture.Of("boruvka-groups").DeciderFor(tree);
        foreach (var probe in reference.Probes)
        {
            var expected = serial.Decide(probe.Epsilon, strict);
            var actual = device.Decide(probe.Epsilon, strict);
            Assert.Equal(expected.Count, device.Count(probe.Epsilon, strict));
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Value, actual.Value);
            Assert.Equal(expected.Good, actual.Good);
            Assert.Equal(expected.Joined, actual.Joined);
            Assert.Equal(expected.Representative, actual.Representative);
        }
        Assert.True(device.LaunchesPerDecision < tree.MaxDepth + 1, $"{device.LaunchesPerDecision} launches for {tree.MaxDepth + 1} levels: narrow levels are not grouped");
    }

    [Theory]
    [InlineData("prim", 1)]
    [InlineData("prim", 2)]
    [InlineData("boruvka", 1)]
    [InlineData("boruvka", 2)]
    [InlineData("prim-groups", 2)]
    public void Tiny_inputs_equal_the_reference(string algorithm, int n)
    {
        var points = new Dataset([.. Enumerable.Range(0, 2 * n).Select(i => (double)i)], n, 2);
        var options = new IsoperimetricOptions { K = 1, FullLabels = true, IncludeTree = true };
        var expected = new SerialIsoperimetric().Run(points, options, Cancel);
        var actual = fixture.Of(algorithm).Run(points, options, Cancel);
        Assert.Equal(expected.Tree!.Parent, actual.Tree!.Parent);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.FullLabels, actual.FullLabels);
    }

    [Fact]
    public void Repeated_runs_reuse_the_device_buffers()
    {
        Dataset points = TestData.Load("iris.csv");
        var options = new IsoperimetricOptions { K = 3, FullLabels = true };
        var first = fixture.Boruvka.Run(points, options, Cancel);
        int allocations = fixture.Boruvka.BufferAllocations;
        var second = fixture.Boruvka.Run(points, options, Cancel);
        Assert.Equal(allocations, fixture.Boruvka.BufferAllocations);
        Assert.Equal(first.Labels, second.Labels);
    }

    [Fact]
    public void Bad_options_are_the_library_errors()
    {
        Dataset points = TestData.Load("iris.csv");
        var error = Assert.Throws<ClusteringInputException>(() => fixture.Prim.Run(points, new IsoperimetricOptions { K = 0 }, Cancel));
        Assert.Equal("k must be at least 1 (got 0).", error.Message);
    }

    [Fact]
    public void A_run_reports_each_stage_start_and_every_probe_then_the_end()
    {
        Dataset points = TestData.Load("wine.csv");
        var reports = new List<IsoperimetricProgress>();
        var progress = new Recorder(reports.Add);

        var result = fixture.Boruvka.Run(points, new IsoperimetricOptions { K = 3, Standardize = true }, progress, Cancel);

        IsoperimetricStage[] stages = [.. reports.Select(r => r.Stage).Distinct()];
        Assert.Equal(Enum.GetValues<IsoperimetricStage>(), stages);
        Assert.All(stages, stage => Assert.Equal(IsoperimetricProgress.Start(stage), reports.First(r => r.Stage == stage)));
        double[] search = [.. reports.Where(r => r.Stage == IsoperimetricStage.Search).Select(r => r.Fraction)];
        Assert.Equal(1 + result.Probes.Count, search.Length);
        Assert.Equal([.. search.Order()], search);
        Assert.Equal(IsoperimetricProgress.Finished, reports[^1]);
    }

    [Fact]
    public void Auto_picks_prim_below_the_boruvka_threshold()
    {
        using var backend = new IlgpuIsoperimetric(IlgpuDevicePreference.Cpu);
        Assert.False(backend.UsesBoruvka(CheegerConstants.IsoBoruvkaMinPoints - 1));
        Assert.True(backend.UsesBoruvka(CheegerConstants.IsoBoruvkaMinPoints));
    }

    [Fact]
    public void The_requests_spanning_tree_wins_over_the_backends_own_choice()
    {
        using var backend = new IlgpuIsoperimetric(IlgpuDevicePreference.Cpu, spanningTree: CheegerIsoSpanningTree.Boruvka);
        Assert.Equal(Enum.GetValues<SpanningTreeAlgorithm>(), backend.SpanningTrees);
        Assert.True(backend.UsesBoruvka(10));
        Assert.False(backend.UsesBoruvka(10, SpanningTreeAlgorithm.Prim));
        Assert.True(backend.UsesBoruvka(10, SpanningTreeAlgorithm.Kdtree));
        using var auto = new IlgpuIsoperimetric(IlgpuDevicePreference.Cpu);
        Assert.True(auto.UsesBoruvka(10, SpanningTreeAlgorithm.Boruvka));
        Assert.False(auto.UsesBoruvka(CheegerConstants.IsoBoruvkaMinPoints, SpanningTreeAlgorithm.Prim));
    }
}
