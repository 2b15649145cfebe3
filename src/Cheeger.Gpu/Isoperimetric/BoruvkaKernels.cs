using ILGPU;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// The device code of one Borůvka round of the spanning tree (spec §6.1), in the order the host launches it:
/// <list type="number">
/// <item><see cref="LeastOutgoingEdges{TArithmetic}"/>: one thread per vertex v walks every u outside v's component
/// and keeps the least edge (v, u) under the strict order (d², min, max), d² computed on the fly (matrix-free);</item>
/// <item><see cref="ComponentLeastLength"/>: each component's least d², an integer atomic min on the bits of d²
/// (non-negative doubles order like their bit patterns);</item>
/// <item><see cref="ComponentLeastPair"/>: among the vertices at that d², the least (min, max) pair packed in 64
/// bits: together the component's exact least edge, whatever order the atomics run in;</item>
/// <item><see cref="Hook"/>: every component root hooks onto the component across its least edge and records the
/// edge; of two components that chose the same edge the smaller stays a root, so the hooks form a forest;</item>
/// <item><see cref="Jump"/> (⌈log₂ components⌉ times, double-buffered) and <see cref="Relabel"/>: pointer jumping
/// to the new roots.</item>
/// </list>
/// ILGPU has no grid-wide barrier, so every step is its own launch; the stream orders them. Integer atomics only.
/// </summary>
internal static class BoruvkaKernels
{
    /// <summary>The value of an empty atomic-min slot (above every d² bit pattern and every packed pair).</summary>
    public const ulong EmptySlot = ulong.MaxValue;

    /// <summary>d²(u, v) summed in dimension order; points are structure of arrays (x_j of vertex i at j·n + i).</summary>
    public static double SquaredDistance<TArithmetic>(ArrayView<double> points, int n, int d, int u, int v)
        where TArithmetic : struct, IDeviceArithmetic
    {
        var arithmetic = default(TArithmetic);
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double diff = points[j * n + u] - points[j * n + v];
            sum = arithmetic.Add(sum, arithmetic.Multiply(diff, diff));
        }
        return sum;
    }

    /// <summary>
    /// bestLength[v], bestOther[v]: v's least edge to another component (bestOther −1: none). u runs upwards, so
    /// of equally long edges the first one kept is the least in (min, max) order and a strict compare suffices.
    /// </summary>
    public static void LeastOutgoingEdges<TArithmetic>(Index1D v, ArrayView<double> points, int n, int d,
        ArrayView<int> component, ArrayView<double> bestLength, ArrayView<int> bestOther)
        where TArithmetic : struct, IDeviceArithmetic
    {
        int own = component[v];
        double best = 0;
        int other = -1;
        for (int u = 0; u < n; u++)
        {
            if (component[u] == own) continue;
            double d2 = SquaredDistance<TArithmetic>(points, n, d, u, v);
            if (other < 0 || d2 < best)
            {
                best = d2;
                other = u;
            }
        }
        bestLength[v] = best;
        bestOther[v] = other;
    }

    /// <summary>componentLength[c] = the least bestLength over c's vertices, as bits (slots start at <see cref="EmptySlot"/>).</summary>
    public static void ComponentLeastLength(Index1D v, ArrayView<int> component, ArrayView<double> bestLength,
        ArrayView<int> bestOther, ArrayView<ulong> componentLength)
    {
        if (bestOther[v] < 0) return;
        Atomic.Min(ref componentLength[component[v]], ILGPU.Interop.FloatAsInt(bestLength[v]));
    }

    /// <summary>componentPair[c] = the least (min ≪ 32 | max) over c's vertices whose edge has the component's least length.</summary>
    public static void ComponentLeastPair(Index1D v, ArrayView<int> component, ArrayView<double> bestLength,
        ArrayView<int> bestOther, ArrayView<ulong> componentLength, ArrayView<ulong> componentPair)
    {
        int other = bestOther[v];
        if (other < 0) return;
        int c = component[v];
        if (ILGPU.Interop.FloatAsInt(bestLength[v]) != componentLength[c]) return;
        ulong lo = (ulong)Math.Min((int)v, other), hi = (ulong)Math.Max((int)v, other);
        Atomic.Min(ref componentPair[c], lo << 32 | hi);
    }

    /// <summary>
    /// Every component root c hooks onto the component across its least edge: hookedTo[c] is that component (c
    /// itself when c stays a root), edgeA/B/Length[c] the tree edge it adds, hooks[0] counts the hooks.
    /// </summary>
    public static void Hook(Index1D c, ArrayView<int> component, ArrayView<ulong> componentLength,
        ArrayView<ulong> componentPair, ArrayView<int> hookedTo, ArrayView<int> edgeA, ArrayView<int> edgeB,
        ArrayView<double> edgeLength, ArrayView<int> hooks)
    {
        if (component[c] != c) return;
        ulong pair = componentPair[c];
        if (pair == EmptySlot)
        {
            hookedTo[c] = c;    // no edge out: the last component (the host stops before this)
            return;
        }
        int lo = (int)(pair >> 32), hi = (int)(pair & 0xFFFFFFFFUL);
        int across = component[lo] == c ? hi : lo;
        int target = component[across];
        if (componentPair[target] == pair && c < target)
        {
            hookedTo[c] = c;    // both chose this edge: the smaller stays a root
            return;
        }
        hookedTo[c] = target;
        edgeA[c] = lo;
        edgeB[c] = hi;
        edgeLength[c] = ILGPU.Interop.IntAsFloat(componentLength[c]);
        Atomic.Add(ref hooks[0], 1);
    }

    /// <summary>One pointer-jumping step over the roots: to[c] = from[from[c]].</summary>
    public static void Jump(Index1D c, ArrayView<int> component, ArrayView<int> from, ArrayView<int> to)
    {
        if (component[c] == c) to[c] = from[from[c]];
    }

    /// <summary>Every vertex to the root its component's root jumped to.</summary>
    public static void Relabel(Index1D v, ArrayView<int> component, ArrayView<int> rootOf) =>
        component[v] = rootOf[component[v]];

    /// <summary>component[v] = v: every vertex its own component.</summary>
    public static void Singletons(Index1D v, ArrayView<int> component) => component[v] = v;
}
