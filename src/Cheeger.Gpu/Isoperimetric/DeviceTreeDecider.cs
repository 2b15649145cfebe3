using Cheeger.Clustering.Isoperimetric;
using ILGPU;
using ILGPU.Runtime;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// The decision procedure on the device (<see cref="DecisionKernels"/>), level by level from the deepest up.
/// The tree goes to the device once; per <see cref="Count"/> the host sends ε and reads back F(ε) alone (4
/// bytes), the count an ILGPU.Algorithms reduction over the closing flags. <see cref="Decide"/> also brings
/// back val, good, joined and the representatives (computed on the device, root first), which stay on the
/// device for the labels. Its arrays equal <see cref="SerialTreeDecider"/>'s bit for bit.
/// </summary>
/// <remarks>
/// ILGPU has no grid-wide barrier, so the levels are planned once: a level wider than a group is one launch
/// over the grid, and each run of narrower levels one launch of a single group with a group barrier between
/// its levels (a deep, thin tree then costs a few launches per decision instead of one per level). The widths
/// and group sizes are the kernel set's (<see cref="IsoperimetricKernelSet.WideLevelWidth"/>).
/// </remarks>
internal sealed class DeviceTreeDecider : ITreeDecider
{
    private readonly IsoperimetricKernelSet _kernels;
    private readonly IsoperimetricDeviceBuffers _buffers;
    private readonly AcceleratorStream _stream;
    private readonly Segment[] _plan;       // deepest levels first
    private readonly int[] _hostCount = new int[1];

    /// <summary>Uploads <paramref name="tree"/> and plans the launches.</summary>
    public DeviceTreeDecider(WeightedTree tree, IsoperimetricKernelSet kernels, IsoperimetricDeviceBuffers buffers, AcceleratorStream stream)
    {
        Tree = tree;
        _kernels = kernels;
        _buffers = buffers;
        _stream = stream;
        int n = tree.Count;
        buffers.LevelStart.View(tree.LevelStart.Length).CopyFromCPU(stream, tree.LevelStart);
        buffers.LevelVertices.View(n).CopyFromCPU(stream, tree.LevelVertices);
        buffers.ChildStart.View(n + 1).CopyFromCPU(stream, tree.ChildStart);
        // A lone vertex has no children; a view of one element keeps the launch arguments valid.
        if (tree.Children.Length > 0) buffers.Children.View(tree.Children.Length).CopyFromCPU(stream, tree.Children);
        else buffers.Children.View(1);
        buffers.Parent.View(n).CopyFromCPU(stream, tree.Parent);
        buffers.Flow.View(n).CopyFromCPU(stream, tree.ParentFlow);
        buffers.Weight.View(n).CopyFromCPU(stream, tree.VertexWeight);
        buffers.Potential.View(n).CopyFromCPU(stream, tree.Potential);
        buffers.Value.View(n);
        buffers.Good.View(n);
        buffers.Joined.View(n).MemSetToZero(stream);    // the root's entry, which no parent writes: never joined
        buffers.Representative.View(n);
        buffers.Count.View(1);
        stream.Synchronize();
        _plan = Plan(tree.LevelStart, kernels.WideLevelWidth);
    }

    /// <inheritdoc/>
    public WeightedTree Tree { get; }

    /// <summary>Launches per decision (the closing pass; the representatives of <see cref="Decide"/> take as many again).</summary>
    public int LaunchesPerDecision => _plan.Length;

    /// <inheritdoc/>
    public int Count(double epsilon, bool strict = false)
    {
        Run(epsilon, strict);
        _buffers.Count.View(1).CopyToCPU(_stream, _hostCount.AsSpan());
        _stream.Synchronize();
        return _hostCount[0];
    }

    /// <inheritdoc/>
    public TreeDecision Decide(double epsilon, bool strict = false)
    {
        int n = Tree.Count;
        Run(epsilon, strict);
        var levelStart = _buffers.LevelStart.View(Tree.LevelStart.Length);
        var levelVertices = _buffers.LevelVertices.View(n);
        var parent = _buffers.Parent.View(n);
        var joined = _buffers.Joined.View(n);
        var representative = _buffers.Representative.View(n);
        for (int s = _plan.Length - 1; s >= 0; s--)
        {
            var segment = _plan[s];
            _kernels.Represent(Config(segment), levelStart, levelVertices, parent, joined, representative, segment.Shallowest, segment.Deepest);
        }

        var value = new double[n];
        var good = new int[n];
        var joinedFlags = new int[n];
        var rep = new int[n];
        _buffers.Count.View(1).CopyToCPU(_stream, _hostCount.AsSpan());
        _buffers.Value.View(n).CopyToCPU(_stream, value.AsSpan());
        _buffers.Good.View(n).CopyToCPU(_stream, good.AsSpan());
        joined.CopyToCPU(_stream, joinedFlags.AsSpan());
        representative.CopyToCPU(_stream, rep.AsSpan());
        _stream.Synchronize();
        return new TreeDecision
        {
            Epsilon = epsilon,
            Strict = strict,
            Value = value,
            Good = [.. good.Select(g => g != 0)],
            Joined = [.. joinedFlags.Select(j => j != 0)],
            Representative = rep,
            Count = _hostCount[0],
        };
    }

    /// <summary>The closing pass at ε; leaves val, good, joined and the count on the device.</summary>
    private void Run(double epsilon, bool strict)
    {
        int n = Tree.Count;
        var levelStart = _buffers.LevelStart.View(Tree.LevelStart.Length);
        var levelVertices = _buffers.LevelVertices.View(n);
        var childStart = _buffers.ChildStart.View(n + 1);
        var children = _buffers.Children.View(Math.Max(Tree.Children.Length, 1));
        var flow = _buffers.Flow.View(n);
        var weight = _buffers.Weight.View(n);
        var potential = _buffers.Potential.View(n);
        var value = _buffers.Value.View(n);
        var good = _buffers.Good.View(n);
        var joined = _buffers.Joined.View(n);
        foreach (var segment in _plan)
        {
            _kernels.Close(Config(segment), levelStart, levelVertices, childStart, children, flow, weight, potential,
                value, good, joined, segment.Deepest, segment.Shallowest, epsilon, strict ? 1 : 0);
        }
        _kernels.CountFlags(_stream, good, _buffers.Count.View(1));
    }

    /// <summary>A wide level: enough groups to give each vertex a thread; a run of narrow levels: one group (<see cref="IsoperimetricKernelSet.NarrowGroupSize"/>).</summary>
    private KernelConfig Config(Segment segment) =>
        segment.Wide
            ? new((segment.Width + _kernels.GroupSize - 1) / _kernels.GroupSize, _kernels.GroupSize)
            : new(1, _kernels.NarrowGroupSize);

    /// <summary>Levels from the deepest up: each level of more than <paramref name="narrowWidth"/> vertices alone, each run of narrower levels as one segment.</summary>
    private static Segment[] Plan(int[] levelStart, int narrowWidth)
    {
        var plan = new List<Segment>();
        for (int level = levelStart.Length - 2; level >= 0; level--)
        {
            int width = levelStart[level + 1] - levelStart[level];
            if (width > narrowWidth)
                plan.Add(new Segment(level, level, true, width));
            else if (plan.Count > 0 && !plan[^1].Wide)
                plan[^1] = plan[^1] with { Shallowest = level };
            else
                plan.Add(new Segment(level, level, false, width));
        }
        return [.. plan];
    }

    /// <summary>Levels <see cref="Deepest"/> up to <see cref="Shallowest"/>; a wide segment has one level of <see cref="Width"/> vertices.</summary>
    private readonly record struct Segment(int Deepest, int Shallowest, bool Wide, int Width);
}
