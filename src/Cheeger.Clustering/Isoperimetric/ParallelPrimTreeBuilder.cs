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
            int width = Vector<double>.Count, count = _count, capacity = _capacity;
            ref double columns = ref MemoryMarshal.GetArrayDataReference(_columns);
            ref double keys = ref MemoryMarshal.GetArrayDataReference(_key);
            ref long parents = ref MemoryMarshal.GetArrayDataReference(_parent);
            var uLanes = new Vector<long>(u);
            var minKey = new Vector<double>(double.PositiveInfinity);
            var minAt = new Vector<long>(-1);
            var tie = Vector<long>.Zero;

            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                ref Vector<double> joined = ref MemoryMarshal.GetArrayDataReference(_joined);
                for (; i + width <= count; i += width)
                {
                    var acc = Vector<double>.Zero;
                    ref double column = ref Unsafe.Add(ref columns, i);
                    for (int j = 0; j < _dim; j++)
                    {
                        var diff = Vector.LoadUnsafe(ref column, (nuint)(j * capacity)) - Unsafe.Add(ref joined, j);
                        acc += diff * diff;
                    }
                    Vector<double> key;
                    if (assign)
                    {
                        key = acc;
                        Vector.StoreUnsafe(uLanes, ref parents, (nuint)i);
                    }
                    else
                    {
                        var old = Vector.LoadUnsafe(ref keys, (nuint)i);
                        var less = Vector.LessThan(acc, old);
                        key = Vector.ConditionalSelect(less, acc, old);
                        Vector.StoreUnsafe(Vector.ConditionalSelect(less, uLanes, Vector.LoadUnsafe(ref parents, (nuint)i)), ref parents, (nuint)i);
                        if (Vector.EqualsAny(acc, old)) BreakTies(u, i, acc, old);
                    }
                    Vector.StoreUnsafe(key, ref keys, (nuint)i);
                    tie |= Vector.Equals(key, minKey);
                    var lower = Vector.LessThan(key, minKey);
                    minKey = Vector.ConditionalSelect(lower, key, minKey);
                    minAt = Vector.ConditionalSelect(lower, Vector<long>.Indices + new Vector<long>(i), minAt);
                }
            }

            var best = new Candidate { Vertex = -1 };
            if (i > 0)
            {
                if (tie != Vector<long>.Zero)
                {
                    for (int p = 0; p < i; p++) Offer(ref best, p);     // equal keys in a lane: settle them by the full order
                }
                else
                {
                    for (int l = 0; l < width; l++) Offer(ref best, (int)minAt[l]);
                }
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

        /// <summary>Lanes where the new edge is exactly as long as the kept one: the smaller endpoint pair wins.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void BreakTies(int u, int i, Vector<double> offered, Vector<double> kept)
        {
            for (int l = 0; l < Vector<double>.Count; l++)
            {
                int v = (int)_vertex[i + l];
                if (offered[l] == kept[l] && EdgeOrder.Precedes(offered[l], u, v, kept[l], (int)_parent[i + l], v)) _parent[i + l] = u;
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
