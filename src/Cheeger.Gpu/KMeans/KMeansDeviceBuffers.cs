using ILGPU.Runtime;

namespace Cheeger.Gpu.KMeans;

/// <summary>
/// Every device buffer a k-means run uses, kept across runs and grown only when n, d or k grow.
/// </summary>
internal sealed class KMeansDeviceBuffers(Accelerator accelerator) : IDisposable
{
    /// <summary>The points, n·d.</summary>
    public DeviceBuffer<double> Points { get; } = new(accelerator);

    /// <summary>The centroids, k·d.</summary>
    public DeviceBuffer<double> Centroids { get; } = new(accelerator);

    /// <summary>The labels of the previous pass, n.</summary>
    public DeviceBuffer<int> Labels { get; private set; } = new(accelerator);

    /// <summary>The labels of the current pass, n.</summary>
    public DeviceBuffer<int> NextLabels { get; private set; } = new(accelerator);

    /// <summary>1 where the current pass changed a point's label, n.</summary>
    public DeviceBuffer<int> Changed { get; } = new(accelerator);

    /// <summary>Squared distance of each point to its centroid in the current pass, n.</summary>
    public DeviceBuffer<double> Distances { get; } = new(accelerator);

    /// <summary>Per-chunk deltas of the sums, chunks·k·d.</summary>
    public DeviceBuffer<double> ChunkSums { get; } = new(accelerator);

    /// <summary>Per-chunk deltas of the counts, chunks·k.</summary>
    public DeviceBuffer<int> ChunkCounts { get; } = new(accelerator);

    /// <summary>Running per-cluster sums, k·d.</summary>
    public DeviceBuffer<double> Sums { get; } = new(accelerator);

    /// <summary>Running per-cluster counts, k.</summary>
    public DeviceBuffer<int> Counts { get; } = new(accelerator);

    /// <summary>How far each centroid moved in the last update, k.</summary>
    public DeviceBuffer<double> Movements { get; } = new(accelerator);

    /// <summary>The change count of the current pass, 1.</summary>
    public DeviceBuffer<int> ChangeCount { get; } = new(accelerator);

    /// <summary>The largest centroid movement of the current pass, 1.</summary>
    public DeviceBuffer<double> LargestMovement { get; } = new(accelerator);

    /// <summary>Total (re)allocations over all buffers: constant across runs that fit the current capacities.</summary>
    public int Allocations => All.Sum(b => b.Allocations);

    /// <summary>The current labels become the previous ones (and vice versa) after a pass.</summary>
    public void SwapLabels() => (Labels, NextLabels) = (NextLabels, Labels);

    private IDeviceBuffer[] All =>
        [Points, Centroids, Labels, NextLabels, Changed, Distances, ChunkSums, ChunkCounts, Sums, Counts, Movements, ChangeCount, LargestMovement];

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var buffer in All) buffer.Dispose();
    }
}
