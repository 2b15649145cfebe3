using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The depth-by-depth decision procedure of spec §6.3 in pull form: the levels are processed from the deepest
/// up, and each vertex of a level adds its own children (in sibling order), which are one level deeper and
/// already final. A vertex therefore sums exactly as in §4.2, and the arrays equal
/// <see cref="SerialTreeDecider"/>'s bit for bit. Representatives follow level by level from the root.
/// </summary>
/// <remarks>
/// <para>
/// The vertices are renumbered in breadth-first order (children in sibling order). Each level is then a
/// contiguous range, the children of a vertex are contiguous and follow its siblings' children, and a pass
/// from the last position to the first is a valid deepest-level-first sweep: the procedure streams through
/// memory instead of chasing vertex ids. Only the order within a level differs from §6.1's levels, and no
/// vertex's result depends on it.
/// </para>
/// <para>
/// A level is split over the workers only when it holds at least <c>minParallelWidth</c> vertices; runs of
/// narrower levels go to one worker between two barriers, because a barrier costs more than a few hundred
/// vertices' work. The split changes who computes a vertex, never how, so every worker count gives the same
/// arrays. The buffers are reused across calls: one instance serves one caller at a time.
/// </para>
/// </remarks>
public sealed class LevelTreeDecider : ITreeDecider
{
    /// <summary>The default least width of a level that is split over the workers.</summary>
    public const int DefaultMinParallelWidth = 4096;

    private readonly WorkerPool? _pool;
    private readonly Segment[] _plan;           // bottom-up: deepest levels first
    private readonly bool _anyParallel;

    private readonly DecisionLayout _layout;    // by breadth-first position
    private readonly int[] _levelStart;         // level L: positions [_levelStart[L], _levelStart[L + 1])
    private readonly long[] _workerCounts;      // one slot per worker, 8 longs apart (no false sharing)
    private Probe _probe;                       // the decision the pool's workers run
    private Action<int>? _workOnPool;           // made once, so that a decision allocates nothing

    /// <summary>A decider that runs on the calling thread only.</summary>
    public LevelTreeDecider(WeightedTree tree) : this(tree, null, DefaultMinParallelWidth)
    {
    }

    /// <summary>A decider that splits levels of at least <paramref name="minParallelWidth"/> vertices over the pool.</summary>
    internal LevelTreeDecider(WeightedTree tree, WorkerPool? pool, int minParallelWidth)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfLessThan(minParallelWidth, 1);
        Tree = tree;
        _pool = pool is { Size: > 1 } ? pool : null;
        int n = tree.Count;

        var vertexAt = new int[n];
        var parentAt = new int[n];
        var firstChild = new int[n];
        var childEnd = new int[n];
        int tail = 0;
        vertexAt[tail++] = tree.Root;
        parentAt[0] = -1;
        for (int p = 0; p < n; p++)
        {
            int v = vertexAt[p];
            firstChild[p] = tail;
            foreach (int c in tree.ChildrenOf(v))
            {
                parentAt[tail] = p;
                vertexAt[tail++] = c;
            }
            childEnd[p] = tail;
        }

        _levelStart = new int[tree.MaxDepth + 2];
        for (int p = 0; p < n; p++) _levelStart[tree.Depth[vertexAt[p]] + 1] = p + 1;
        _layout = new DecisionLayout(tree, vertexAt, parentAt, firstChild, childEnd);
        _workerCounts = new long[8 * (_pool?.Size ?? 1)];
        _plan = Plan(_levelStart, _pool is null ? int.MaxValue : minParallelWidth);
        _anyParallel = _plan.Any(s => s.Parallel);
    }

    /// <inheritdoc/>
    public WeightedTree Tree { get; }

    /// <summary>Number of levels split over the workers (0 when every level runs on one thread).</summary>
    public int ParallelLevelCount => _plan.Count(s => s.Parallel);

    /// <inheritdoc/>
    public int Count(double epsilon, bool strict = false) => Run(epsilon, strict, representatives: false);

    /// <inheritdoc/>
    public TreeDecision Decide(double epsilon, bool strict = false) =>
        _layout.ToDecision(epsilon, strict, Run(epsilon, strict, representatives: true));

    private int Run(double epsilon, bool strict, bool representatives)
    {
        if (!_anyParallel)
        {
            _workerCounts[0] = 0;
            Work(0, 1, null, epsilon, strict, representatives);
            return (int)_workerCounts[0];
        }
        var pool = _pool!;
        _probe = new Probe(epsilon, strict, representatives);
        pool.Run(_workOnPool ??= w => Work(w, _pool!.Size, _pool.Barrier, _probe.Epsilon, _probe.Strict, _probe.Representatives));
        long count = 0;
        for (int w = 0; w < pool.Size; w++) count += _workerCounts[8 * w];
        return (int)count;
    }

    private void Work(int worker, int workers, SpinBarrier? barrier, double epsilon, bool strict, bool representatives)
    {
        long count = 0;
        for (int s = 0; s < _plan.Length; s++)
        {
            var segment = _plan[s];
            if (segment.Parallel)
            {
                var (begin, end) = Chunk(segment.Deepest, worker, workers);
                count += _layout.Close(begin, end, epsilon, strict);
            }
            else if (worker == 0)
            {
                count += _layout.Close(_levelStart[segment.Shallowest], _levelStart[segment.Deepest + 1], epsilon, strict);
            }
            if (s + 1 < _plan.Length) barrier?.SignalAndWait();
        }
        _workerCounts[8 * worker] = count;
        if (!representatives) return;

        barrier?.SignalAndWait();
        for (int s = _plan.Length - 1; s >= 0; s--)
        {
            var segment = _plan[s];
            if (segment.Parallel)
            {
                var (begin, end) = Chunk(segment.Deepest, worker, workers);
                _layout.Represent(begin, end);
            }
            else if (worker == 0)
            {
                _layout.Represent(_levelStart[segment.Shallowest], _levelStart[segment.Deepest + 1]);
            }
            if (s > 0) barrier?.SignalAndWait();
        }
    }

    private (int Begin, int End) Chunk(int level, int worker, int workers)
    {
        int start = _levelStart[level];
        long width = _levelStart[level + 1] - start;
        return (start + (int)(width * worker / workers), start + (int)(width * (worker + 1) / workers));
    }

    /// <summary>Levels from the deepest up: each wide level alone (split), each run of narrow levels as one serial segment.</summary>
    private static Segment[] Plan(int[] levelStart, int minParallelWidth)
    {
        var plan = new List<Segment>();
        for (int level = levelStart.Length - 2; level >= 0; level--)
        {
            int width = levelStart[level + 1] - levelStart[level];
            if (width >= minParallelWidth)
            {
                plan.Add(new Segment(level, level, true));
            }
            else if (plan.Count > 0 && !plan[^1].Parallel)
            {
                plan[^1] = plan[^1] with { Shallowest = level };
            }
            else
            {
                plan.Add(new Segment(level, level, false));
            }
        }
        return [.. plan];
    }

    /// <summary>One decision's parameters.</summary>
    private readonly record struct Probe(double Epsilon, bool Strict, bool Representatives);

    /// <summary>Levels <see cref="Deepest"/> down to <see cref="Shallowest"/>; a parallel segment has one level.</summary>
    private readonly record struct Segment(int Deepest, int Shallowest, bool Parallel);
}
