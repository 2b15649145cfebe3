using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.Isoperimetric.SpanningTrees;
using ILGPU.Runtime;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// The spanning tree by Borůvka's rounds on the device (<see cref="BoruvkaKernels"/>): each round is a
/// sequence of launches (ILGPU has no grid-wide barrier) ending with the hook count read back (4 bytes); after
/// the last round the n − 1 edges come back and Prim's order is recovered on the host
/// (<see cref="PrimOrderOnTree"/>), so the tree is the reference's. The points must be on the device.
/// </summary>
internal static class DeviceBoruvkaTree
{
    /// <summary>The tree of the n points in <see cref="IsoperimetricDeviceBuffers.Points"/> (d dimensions).</summary>
    public static SpanningTree Build(IsoperimetricKernelSet kernels, IsoperimetricDeviceBuffers buffers,
        AcceleratorStream stream, int n, int d, CancellationToken cancellation)
    {
        var points = buffers.Points.View((long)n * d);
        var component = buffers.Component.View(n);
        var bestLength = buffers.BestLength.View(n);
        var bestOther = buffers.BestOther.View(n);
        var componentLength = buffers.ComponentLength.View(n);
        var componentPair = buffers.ComponentPair.View(n);
        var hookedTo = buffers.HookedTo.View(n);
        var jumped = buffers.Jumped.View(n);
        var edgeA = buffers.EdgeA.View(n);
        var edgeB = buffers.EdgeB.View(n);
        var edgeLength = buffers.EdgeLength.View(n);
        var hooks = buffers.Hooks.View(1);
        var hostHooks = new int[1];

        kernels.Singletons(n, component);
        kernels.FillInt(stream, edgeA, -1);
        int components = n;
        while (components > 1)
        {
            cancellation.ThrowIfCancellationRequested();
            kernels.FillSlot(stream, componentLength, BoruvkaKernels.EmptySlot);
            kernels.FillSlot(stream, componentPair, BoruvkaKernels.EmptySlot);
            hooks.MemSetToZero(stream);
            kernels.LeastOutgoingEdges(n, points, n, d, component, bestLength, bestOther);
            kernels.ComponentLeastLength(n, component, bestLength, bestOther, componentLength);
            kernels.ComponentLeastPair(n, component, bestLength, bestOther, componentLength, componentPair);
            kernels.Hook(n, component, componentLength, componentPair, hookedTo, edgeA, edgeB, edgeLength, hooks);
            // A hook chain is shorter than the number of components; each jump halves every chain.
            var (from, to) = (hookedTo, jumped);
            for (long reach = 1; reach < components; reach *= 2)
            {
                kernels.Jump(n, component, from, to);
                (from, to) = (to, from);
            }
            kernels.Relabel(n, component, from);
            hooks.CopyToCPU(stream, hostHooks.AsSpan());
            stream.Synchronize();
            if (hostHooks[0] == 0)
                throw new InvalidOperationException($"Borůvka made no progress with {components} components left.");
            components -= hostHooks[0];
        }

        var a = new int[n];
        var b = new int[n];
        var length = new double[n];
        edgeA.CopyToCPU(stream, a.AsSpan());
        edgeB.CopyToCPU(stream, b.AsSpan());
        edgeLength.CopyToCPU(stream, length.AsSpan());
        stream.Synchronize();
        // Slot c holds the edge root c added when it hooked; the last root never hooked (−1).
        var edges = new TreeEdges(n);
        for (int c = 0; c < n; c++)
        {
            if (a[c] >= 0) edges.Add(a[c], b[c], length[c]);
        }
        return PrimOrderOnTree.Build(n, edges);
    }
}
