using ILGPU.Runtime;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>Every device buffer an isoperimetric run uses, kept across runs and grown only when n, d or the depth grow.</summary>
internal sealed class IsoperimetricDeviceBuffers(Accelerator accelerator) : IDisposable
{
    /// <summary>The points as structure of arrays (x_j of vertex i at j·n + i), n·d.</summary>
    public DeviceBuffer<double> Points { get; } = new(accelerator);

    /// <summary>Borůvka: the component (root) of each vertex, n.</summary>
    public DeviceBuffer<int> Component { get; } = new(accelerator);

    /// <summary>Borůvka: each vertex's least outgoing d², n.</summary>
    public DeviceBuffer<double> BestLength { get; } = new(accelerator);

    /// <summary>Borůvka: the other end of that edge (−1: none), n.</summary>
    public DeviceBuffer<int> BestOther { get; } = new(accelerator);

    /// <summary>Borůvka: each component's least d² as bits, n slots.</summary>
    public DeviceBuffer<ulong> ComponentLength { get; } = new(accelerator);

    /// <summary>Borůvka: each component's least (min ≪ 32 | max), n slots.</summary>
    public DeviceBuffer<ulong> ComponentPair { get; } = new(accelerator);

    /// <summary>Borůvka: the component each root hooks onto, n.</summary>
    public DeviceBuffer<int> HookedTo { get; } = new(accelerator);

    /// <summary>Borůvka: the pointer-jumping double buffer, n.</summary>
    public DeviceBuffer<int> Jumped { get; } = new(accelerator);

    /// <summary>Borůvka: the tree edge each root added (−1 until it hooks), n each.</summary>
    public DeviceBuffer<int> EdgeA { get; } = new(accelerator);

    /// <inheritdoc cref="EdgeA"/>
    public DeviceBuffer<int> EdgeB { get; } = new(accelerator);

    /// <summary>Borůvka: the squared length of that edge, n.</summary>
    public DeviceBuffer<double> EdgeLength { get; } = new(accelerator);

    /// <summary>Borůvka: the round's hook count, 1.</summary>
    public DeviceBuffer<int> Hooks { get; } = new(accelerator);

    /// <summary>The weighted tree's level offsets, max depth + 2.</summary>
    public DeviceBuffer<int> LevelStart { get; } = new(accelerator);

    /// <summary>The weighted tree's vertices by level, n.</summary>
    public DeviceBuffer<int> LevelVertices { get; } = new(accelerator);

    /// <summary>The weighted tree's child offsets, n + 1.</summary>
    public DeviceBuffer<int> ChildStart { get; } = new(accelerator);

    /// <summary>The weighted tree's children in sibling order, max(n − 1, 1).</summary>
    public DeviceBuffer<int> Children { get; } = new(accelerator);

    /// <summary>The weighted tree's parents, n.</summary>
    public DeviceBuffer<int> Parent { get; } = new(accelerator);

    /// <summary>pflow, n.</summary>
    public DeviceBuffer<double> Flow { get; } = new(accelerator);

    /// <summary>ω, n.</summary>
    public DeviceBuffer<double> Weight { get; } = new(accelerator);

    /// <summary>ψ, n.</summary>
    public DeviceBuffer<double> Potential { get; } = new(accelerator);

    /// <summary>The decision's val, n.</summary>
    public DeviceBuffer<double> Value { get; } = new(accelerator);

    /// <summary>The decision's good flags (0/1), n.</summary>
    public DeviceBuffer<int> Good { get; } = new(accelerator);

    /// <summary>The decision's joined flags (0/1), n.</summary>
    public DeviceBuffer<int> Joined { get; } = new(accelerator);

    /// <summary>The decision's representatives, n.</summary>
    public DeviceBuffer<int> Representative { get; } = new(accelerator);

    /// <summary>The decision's count F(ε), 1.</summary>
    public DeviceBuffer<int> Count { get; } = new(accelerator);

    /// <summary>1 at each selected top, n.</summary>
    public DeviceBuffer<int> Selected { get; } = new(accelerator);

    /// <summary>The exclusive scan of <see cref="Selected"/>, n.</summary>
    public DeviceBuffer<int> Scan { get; } = new(accelerator);

    /// <summary>The scan's temporary storage.</summary>
    public DeviceBuffer<int> ScanTemp { get; } = new(accelerator);

    /// <summary>The raw labels, n.</summary>
    public DeviceBuffer<int> Labels { get; } = new(accelerator);

    /// <summary>The outliers to fill, at most n.</summary>
    public DeviceBuffer<int> Outliers { get; } = new(accelerator);

    /// <summary>The full labels, n.</summary>
    public DeviceBuffer<int> Full { get; } = new(accelerator);

    /// <summary>Total (re)allocations over all buffers: constant across runs that fit the current capacities.</summary>
    public int Allocations => All.Sum(b => b.Allocations);

    private IDeviceBuffer[] All =>
    [
        Points, Component, BestLength, BestOther, ComponentLength, ComponentPair, HookedTo, Jumped, EdgeA, EdgeB,
        EdgeLength, Hooks, LevelStart, LevelVertices, ChildStart, Children, Parent, Flow, Weight, Potential, Value,
        Good, Joined, Representative, Count, Selected, Scan, ScanTemp, Labels, Outliers, Full,
    ];

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var buffer in All) buffer.Dispose();
    }
}
