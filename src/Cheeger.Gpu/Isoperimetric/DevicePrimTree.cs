using Cheeger.Clustering.Isoperimetric;
using ILGPU;
using ILGPU.Runtime;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// The spanning tree by Prim on the device (<see cref="PrimKernels"/>): one launch of one group, then the
/// parents, squared lengths and insertion order come back. It works in the Borůvka buffers (the two never run
/// at once). The points must be on the device.
/// </summary>
internal static class DevicePrimTree
{
    /// <summary>The tree of the n points in <see cref="IsoperimetricDeviceBuffers.Points"/> (d dimensions).</summary>
    public static SpanningTree Build(IsoperimetricKernelSet kernels, IsoperimetricDeviceBuffers buffers,
        AcceleratorStream stream, int n, int d)
    {
        var parent = buffers.EdgeA.View(n);
        var length = buffers.EdgeLength.View(n);
        var order = buffers.Jumped.View(n);
        kernels.Prim(new KernelConfig(1, kernels.PrimGroupSize), buffers.Points.View((long)n * d), n, d,
            buffers.BestLength.View(n), buffers.BestOther.View(n), buffers.Component.View(n), parent, length, order);
        var hostParent = new int[n];
        var hostLength = new double[n];
        var hostOrder = new int[n];
        parent.CopyToCPU(stream, hostParent.AsSpan());
        length.CopyToCPU(stream, hostLength.AsSpan());
        order.CopyToCPU(stream, hostOrder.AsSpan());
        stream.Synchronize();
        return SpanningTree.FromPrim(hostParent, hostLength, hostOrder);
    }
}
