using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// Multi-core Prim (spec §6.1), matrix-free: the vertices outside the tree are dealt to the workers in small
/// round-robin blocks; in each of the n − 1 steps every worker updates the kept edges of its own vertices
/// against the vertex that joined last (SIMD, one vertex per lane, d² summed in dimension order) and finds its
/// least kept edge under <see cref="EdgeOrder"/>; after one barrier every worker reduces the per-worker
/// candidates in worker order to the same next vertex. The edge order is strict, so the tree equals
/// <see cref="PrimTreeBuilder"/>'s for any number of workers.
/// </summary>
/// <remarks>
/// Each worker keeps its vertices packed (a joining vertex is swapped with the last one), dimension-major, so
/// the distance loop reads contiguous memory and touches only vertices outside the tree. The candidates are
/// double-buffered by step parity, so one barrier per step suffices.
/// </remarks>
internal static class ParallelPrimTreeBuilder
{
    /// <summary>Vertices are dealt to workers in blocks of this many, so that sorted data spreads evenly.</summary>
    private const int BlockSize = 16;

    /// <summary>Packed vertices whose d² a step computes before it updates their kept edges (a multiple of every vector width).</summary>
    private const int BlockVertices = 256;

    /// <summary>The tree of <paramref name="data"/>; worker 0, the calling thread, reports every few percent of the vertices joined to <paramref name="progress"/>.</summary>
    public static SpanningTree Build(Dataset data, WorkerPool pool, CancellationToken cancellation, IProgress<IsoperimetricProgress>? progress = null)
    {
        int n = data.Count;
        var parent = new int[n];
        var squaredLength = new double[n];
        var order = new int[n];
        parent[0] = -1;
        if (n > 1)
        {
            var shared = new Shared(data, pool, parent, squaredLength, order, cancellation, progress);
            pool.Run(w => new Worker(shared, w).Run());
            if (shared.Stopped) cancellation.ThrowIfCancellationRequested();
        }
        return SpanningTree.FromPrim(parent, squaredLength, order);
    }

    /// <summary>A worker's least kept edge in one step; <see cref="Vertex"/> = −1 when it has no vertex left.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    private struct Candidate
    {
        public double Key;
        public int Parent;
        public int Vertex;
        public bool Stop;       // set by worker 0 when cancelled; every worker reads it after the same barrier

        /// <summary>True when this edge comes first under the edge order (an empty candidate comes last).</summary>
        public readonly bool Precedes(in Candidate other) =>
            other.Vertex < 0 || (Vertex >= 0 && EdgeOrder.Precedes(Key, Parent, Vertex, other.Key, other.Parent, other.Vertex));
    }

    /// <summary>Per lane, the least kept edge so far: its key and its index in the pack (−1: none yet).</summary>
    private readonly record struct LaneLeast(Vector<double> Key, Vector<long> At);

    /// <summary>What the workers share: the input, the output arrays and the per-step candidates.</summary>
    private sealed class Shared(Dataset data, WorkerPool pool, int[] parent, double[] squaredLength, int[] order, CancellationToken cancellation,
        IProgress<IsoperimetricProgress>? progress)
    {
        public readonly Dataset Data = data;
        public readonly WorkerPool Pool = pool;
        public readonly int[] Parent = parent;
        public readonly double[] SquaredLength = squaredLength;
        public readonly int[] Order = order;
        public readonly CancellationToken Cancellation = cancellation;
        public readonly IProgress<IsoperimetricProgress>? Progress = progress;
        public readonly Candidate[] Candidates = new Candidate[2 * pool.Size];
        public readonly int[] Position = new int[data.Count];      // index of a vertex in its owner's packed arrays
        public volatile bool Stopped;

        public int Owner(int v) => v / BlockSize % Pool.Size;
    }

    private sealed class Worker
    {
        private readonly Shared _s;
        private readonly int _w;
        private readonly int _dim;
        private readonly int _capacity;
        private readonly double[] _columns;     // coordinate j of packed vertex i at [j·capacity + i]
        private readonly double[] _key;
        private readonly long[] _parent;
        private readonly long[] _vertex;
        private readonly Vector<double>[] _joined;  // the coordinates of the vertex that joined last, broadcast
        private readonly double[] _offered = new double[BlockVertices];     // a block's d² to the vertex that joined last
        private readonly int[] _keyTies = new int[BlockVertices];           // a block's lane groups where an offered d² equals the kept one
        private int _count;

        public Worker(Shared shared, int worker)
        {
            _s = shared;
            _w = worker;
            _dim = shared.Data.Dimension;
            int n = shared.Data.Count;
            for (int v = 1; v < n; v++)
            {
                if (shared.Owner(v) == worker) _capacity++;
            }
            _columns = new double[_dim * _capacity];
            _key = new double[_capacity];
            _parent = new long[_capacity];
            _vertex = new long[_capacity];
            _joined = new Vector<double>[_dim];
            var points = shared.Data.Points.Span;
            for (int v = 1; v < n; v++)
            {
                if (shared.Owner(v) != worker) continue;
                int i = _count++;
                _vertex[i] = v;
                shared.Position[v] = i;
                for (int j = 0; j < _dim; j++) _columns[j * _capacity + i] = points[v * _dim + j];
            }
        }

        // Optimised at once: the run is one long loop, and its SIMD step at the first tier (unoptimised Vector<T>
        // calls) made a cold Prim of a few thousand points several times slower than the serial one.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run()
        {
            var s = _s;
            int n = s.Data.Count, workers = s.Pool.Size;
            var barrier = s.Pool.Barrier;
            int u = 0;
            int stride = SpanningTreeProgress.PrimStride(n);
            for (int t = 0; t < n - 1; t++)
            {
                var local = Step(u, assign: t == 0);
                if (_w == 0 && (t & 63) == 0 && s.Cancellation.IsCancellationRequested) local.Stop = true;
                int slot = (t & 1) * workers;
                s.Candidates[slot + _w] = local;
                barrier.SignalAndWait();

                if (s.Candidates[slot].Stop)
                {
                    s.Stopped = true;
                    return;
                }
                var best = s.Candidates[slot];
                for (int q = 1; q < workers; q++)
                {
                    if (s.Candidates[slot + q].Precedes(best)) best = s.Candidates[slot + q];
                }
                u = best.Vertex;
                if (s.Owner(u) == _w) Remove(u);
                if (_w == 0)
                {
                    s.Order[t + 1] = u;
                    s.Parent[u] = best.Parent;
                    s.SquaredLength[u] = best.Key;
                    if ((t + 1) % stride == 0 || t == n - 2) SpanningTreeProgress.Joined(s.Progress, t + 2, n);
                }
            }
        }

        /// <summary>Swaps the joining vertex with the last packed one and shrinks the pack.</summary>
        private void Remove(int u)
        {
            int i = _s.Position[u], last = --_count;
            if (i != last)
            {
                for (int j = 0; j < _dim; j++) _columns[j * _capacity + i] = _columns[j * _capacity + last];
                _key[i] = _key[last];
                _parent[i] = _parent[last];
                _vertex[i] = _vertex[last];
                _s.Position[(int)_vertex[i]] = i;
            }
        }

        /// <summary>
        /// Offers the edges from <paramref name="u"/> to every packed vertex (<paramref name="assign"/>: takes
        /// them, for the root's first step) and returns the least kept edge.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Candidate Step(int u, bool assign)
        {
            var row = _s.Data.Row(u);
            for (int j = 0; j < _dim; j++) _joined[j] = new Vector<double>(row[j]);
            int width = Vector<double>.Count, count = _count, capacity = _capacity, dim = _dim;
            ref double columns = ref MemoryMarshal.GetArrayDataReference(_columns);
            var least = new LaneLeast(new Vector<double>(double.PositiveInfinity), new Vector<long>(-1));

            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                // A block's d² first, in a loop without calls (so its sums stay in registers), then its kept edges.
                int vectorEnd = count - count % width;
                ref double offered = ref MemoryMarshal.GetArrayDataReference(_offered);
                for (; i < vectorEnd; i += BlockVertices)
                {
                    int end = Math.Min(vectorEnd, i + BlockVertices);
                    SquaredDistances(i, end);
                    var before = least;
                    least = KeepBlock(least, u, i, end, assign, out int keyTies, out bool laneTie);
                    // Exact ties, rare but for duplicate points: settled by the full edge order, out of the loop above.
                    for (int t = 0; t < keyTies; t++) BreakTies(u, i, _keyTies[t]);
                    if (laneTie) least = KeepBlockWithTies(before, i, end);
                }
                i = vectorEnd;
            }

            var best = new Candidate { Vertex = -1 };
            if (i > 0)
            {
                for (int l = 0; l < width; l++) Offer(ref best, (int)least.At[l]);
            }
            for (; i < count; i++)
            {
                double d2 = SquaredDistance.Between(row, _s.Data.Row((int)_vertex[i]));
                if (assign || EdgeOrder.Precedes(d2, u, (int)_vertex[i], _key[i], (int)_parent[i], (int)_vertex[i]))
                {
                    _key[i] = d2;
                    _parent[i] = u;
                }
                Offer(ref best, i);
            }
            return best;
        }

        /// <summary>
        /// d² from the vertex that joined last to the packed vertices [begin, end) (whole lane groups), into
        /// <see cref="_offered"/> from 0: one vertex per lane, summed in dimension order, four groups at a time (their
        /// sums are independent chains, so the groups' additions overlap).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private void SquaredDistances(int begin, int end)
        {
            int width = Vector<double>.Count, capacity = _capacity, dim = _dim;
            ref double columns = ref MemoryMarshal.GetArrayDataReference(_columns);
            ref double offered = ref MemoryMarshal.GetArrayDataReference(_offered);
            ref Vector<double> joined = ref MemoryMarshal.GetArrayDataReference(_joined);
            int i = begin;
            for (; i + 4 * width <= end; i += 4 * width)
            {
                var s0 = Vector<double>.Zero;
                var s1 = Vector<double>.Zero;
                var s2 = Vector<double>.Zero;
                var s3 = Vector<double>.Zero;
                ref double column = ref Unsafe.Add(ref columns, i);
                for (int j = 0; j < dim; j++)
                {
                    var x = Unsafe.Add(ref joined, j);
                    var a = Vector.LoadUnsafe(ref column) - x;
                    var b = Vector.LoadUnsafe(ref column, (nuint)width) - x;
                    var c = Vector.LoadUnsafe(ref column, (nuint)(2 * width)) - x;
                    var e = Vector.LoadUnsafe(ref column, (nuint)(3 * width)) - x;
                    s0 += a * a;
                    s1 += b * b;
                    s2 += c * c;
                    s3 += e * e;
                    column = ref Unsafe.Add(ref column, capacity);
                }
                Vector.StoreUnsafe(s0, ref offered, (nuint)(i - begin));
                Vector.StoreUnsafe(s1, ref offered, (nuint)(i - begin + width));
                Vector.StoreUnsafe(s2, ref offered, (nuint)(i - begin + 2 * width));
                Vector.StoreUnsafe(s3, ref offered, (nuint)(i - begin + 3 * width));
            }
            for (; i < end; i += width)
            {
                var acc = Vector<double>.Zero;
                ref double column = ref Unsafe.Add(ref columns, i);
                for (int j = 0; j < dim; j++)
                {
                    var diff = Vector.LoadUnsafe(ref column) - Unsafe.Add(ref joined, j);
                    acc += diff * diff;
                    column = ref Unsafe.Add(ref column, capacity);
                }
                Vector.StoreUnsafe(acc, ref offered, (nuint)(i - begin));
            }
        }

        /// <summary>
        /// Offers the edges from <paramref name="u"/> (their d² in <see cref="_offered"/>) to the packed vertices
        /// [begin, end) (<paramref name="assign"/>: takes them) and returns the lane minima with their kept edges, by d²
        /// alone. The loop makes no call, so its state stays in registers; it only notes the lane groups where an
        /// offered edge is exactly as long as the kept one (<paramref name="keyTies"/> of them, in <see cref="_keyTies"/>)
        /// and whether a kept edge equalled its lane's least (<paramref name="laneTie"/>), which the full edge order settles.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private LaneLeast KeepBlock(LaneLeast least, int u, int begin, int end, bool assign, out int keyTies, out bool laneTie)
        {
            ref double offered = ref MemoryMarshal.GetArrayDataReference(_offered);
            ref double keys = ref MemoryMarshal.GetArrayDataReference(_key);
            ref long parents = ref MemoryMarshal.GetArrayDataReference(_parent);
            ref int tieGroups = ref MemoryMarshal.GetArrayDataReference(_keyTies);
            var uLanes = new Vector<long>(u);
            var minKey = least.Key;
            var minAt = least.At;
            var equalToLeast = Vector<long>.Zero;
            int ties = 0;
            for (int i = begin; i < end; i += Vector<double>.Count)
            {
                var d2 = Vector.LoadUnsafe(ref offered, (nuint)(i - begin));
                Vector<double> key;
                if (assign)
                {
                    key = d2;
                    Vector.StoreUnsafe(uLanes, ref parents, (nuint)i);
                }
                else
                {
                    var old = Vector.LoadUnsafe(ref keys, (nuint)i);
                    var less = Vector.LessThan(d2, old);
                    key = Vector.ConditionalSelect(less, d2, old);
                    Vector.StoreUnsafe(Vector.ConditionalSelect(less, uLanes, Vector.LoadUnsafe(ref parents, (nuint)i)), ref parents, (nuint)i);
                    if (Vector.EqualsAny(d2, old)) Unsafe.Add(ref tieGroups, ties++) = i;
                }
                Vector.StoreUnsafe(key, ref keys, (nuint)i);
                equalToLeast |= Vector.Equals(key, minKey);
                var lower = Vector.LessThan(key, minKey);
                minKey = Vector.ConditionalSelect(lower, key, minKey);
                minAt = Vector.ConditionalSelect(lower, Vector<long>.Indices + new Vector<long>(i), minAt);
            }
            keyTies = ties;
            laneTie = equalToLeast != Vector<long>.Zero;
            return new LaneLeast(minKey, minAt);
        }

        /// <summary>The lane minima over [begin, end) from <paramref name="least"/> again, equal keys settled by the full edge order (the kept edges are final).</summary>
        private LaneLeast KeepBlockWithTies(LaneLeast least, int begin, int end)
        {
            ref double keys = ref MemoryMarshal.GetArrayDataReference(_key);
            for (int i = begin; i < end; i += Vector<double>.Count)
            {
                var key = Vector.LoadUnsafe(ref keys, (nuint)i);
                if (Vector.EqualsAny(key, least.Key))
                {
                    least = KeepLeastWithTies(least, i, key);
                }
                else
                {
                    var lower = Vector.LessThan(key, least.Key);
                    least = new LaneLeast(Vector.ConditionalSelect(lower, key, least.Key),
                        Vector.ConditionalSelect(lower, Vector<long>.Indices + new Vector<long>(i), least.At));
                }
            }
            return least;
        }

        /// <summary>
        /// Lane minima where a lane's key equals its least so far: each lane settled by the full edge order, so that
        /// the lane minima stay exact (duplicate points make such ties common) without a pass over the whole pack.
        /// </summary>
        private LaneLeast KeepLeastWithTies(LaneLeast least, int i, Vector<double> key)
        {
            var minKey = least.Key;
            var minAt = least.At;
            for (int l = 0; l < Vector<double>.Count; l++)
            {
                int at = (int)minAt[l], v = (int)_vertex[i + l];
                if (at < 0 || EdgeOrder.Precedes(key[l], (int)_parent[i + l], v, minKey[l], (int)_parent[at], (int)_vertex[at]))
                {
                    minKey = minKey.WithElement(l, key[l]);
                    minAt = minAt.WithElement(l, i + l);
                }
            }
            return new LaneLeast(minKey, minAt);
        }

        /// <summary>
        /// The lanes of the group at <paramref name="i"/> (a block from <paramref name="begin"/>) where the edge from
        /// <paramref name="u"/> was exactly as long as the kept one, which stayed: the smaller endpoint pair wins.
        /// </summary>
        private void BreakTies(int u, int begin, int i)
        {
            for (int l = 0; l < Vector<double>.Count; l++)
            {
                int v = (int)_vertex[i + l], kept = (int)_parent[i + l];
                double offered = _offered[i - begin + l];
                // Equal to the kept key and not taken: the offered edge tied the old one.
                if (offered == _key[i + l] && kept != u && EdgeOrder.Precedes(offered, u, v, offered, kept, v)) _parent[i + l] = u;
            }
        }

        private void Offer(ref Candidate best, int i)
        {
            int v = (int)_vertex[i], p = (int)_parent[i];
            if (best.Vertex < 0 || EdgeOrder.Precedes(_key[i], p, v, best.Key, best.Parent, best.Vertex))
                best = new Candidate { Key = _key[i], Parent = p, Vertex = v };
        }
    }
}
