using Cheeger.Clustering.Isoperimetric;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Algorithms.ScanReduceOperations;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// Prim's algorithm (spec §2.2) with its whole loop on the device, in one group: ILGPU has no grid-wide barrier,
/// so the n − 1 steps, each needing every thread's offer before the next, run where a group barrier suffices.
/// That bounds it to one multiprocessor, which is why it serves small n only (Borůvka above).
/// </summary>
internal static class PrimKernels
{
    /// <summary>
    /// Step t: each thread updates the kept edges of its outside vertices (v = thread, thread + G, …) with the
    /// vertex that joined last (d² on the fly) and offers its least kept edge under (d², min, max); the group
    /// takes the least d² (an ILGPU.Algorithms all-reduce of its bits, non-negative doubles ordering like their
    /// bits), then the least (min ≪ 32 | max) among the offers of that length: together the unique least edge.
    /// In-tree flags are 0/1 ints, each written only by its vertex's owner.
    /// </summary>
    public static void Prim<TArithmetic>(ArrayView<double> points, int n, int d, ArrayView<double> key,
        ArrayView<int> keptParent, ArrayView<int> inTree, ArrayView<int> parentOut, ArrayView<double> lengthOut,
        ArrayView<int> orderOut)
        where TArithmetic : struct, IDeviceArithmetic
    {
        int thread = Group.IdxX, groupSize = Group.DimX;
        for (int v = thread; v < n; v += groupSize)
        {
            keptParent[v] = -1;
            key[v] = 0;
            inTree[v] = v == 0 ? 1 : 0;
        }
        if (thread == 0)
        {
            orderOut[0] = 0;
            parentOut[0] = -1;
            lengthOut[0] = 0;
        }
        Group.Barrier();

        int joined = 0;     // the vertex that joined last
        for (int step = 1; step < n; step++)
        {
            double mineKey = 0;
            int mineParent = -1, mineVertex = -1;
            for (int v = thread; v < n; v += groupSize)
            {
                if (inTree[v] != 0) continue;
                double d2 = BoruvkaKernels.SquaredDistance<TArithmetic>(points, n, d, joined, v);
                if (keptParent[v] < 0 || EdgeOrder.Precedes(d2, joined, v, key[v], keptParent[v], v))
                {
                    key[v] = d2;
                    keptParent[v] = joined;
                }
                if (mineVertex < 0 || EdgeOrder.Precedes(key[v], keptParent[v], v, mineKey, mineParent, mineVertex))
                {
                    mineKey = key[v];
                    mineParent = keptParent[v];
                    mineVertex = v;
                }
            }
            ulong lengthBits = mineVertex < 0 ? BoruvkaKernels.EmptySlot : ILGPU.Interop.FloatAsInt(mineKey);
            // A group of one (the CPU accelerator's choice) has nothing to reduce; the group primitives assume whole warps.
            ulong least = groupSize == 1 ? lengthBits : GroupExtensions.AllReduce<ulong, MinUInt64>(lengthBits);
            ulong pair = mineVertex >= 0 && lengthBits == least
                ? (ulong)(uint)Math.Min(mineParent, mineVertex) << 32 | (uint)Math.Max(mineParent, mineVertex)
                : BoruvkaKernels.EmptySlot;
            ulong leastPair = groupSize == 1 ? pair : GroupExtensions.AllReduce<ulong, MinUInt64>(pair);
            int lo = (int)(leastPair >> 32), hi = (int)(leastPair & 0xFFFFFFFFUL);
            bool loInside = inTree[lo] != 0;
            Group.Barrier();    // every thread has read the flags before the owner changes one
            int next = loInside ? hi : lo;
            if (next % groupSize == thread) inTree[next] = 1;
            if (thread == 0)
            {
                orderOut[step] = next;
                parentOut[next] = loInside ? lo : hi;
                lengthOut[next] = ILGPU.Interop.IntAsFloat(least);
            }
            joined = next;
        }
    }
}
