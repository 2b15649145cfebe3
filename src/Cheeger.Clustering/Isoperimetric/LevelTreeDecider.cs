using Cheeger.Clustering.Isoperimetric.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The depth-by-depth decision procedure of spec §6.3 in pull form: the levels are processed from the deepest
/// up, and each vertex of a level adds its own children (CSR, sibling order), which are one level deeper and
/// already final. A vertex therefore sums exactly as in §4.2, and the arrays equal
/// <see cref="SerialTreeDecider"/>'s bit for bit. Representatives follow level by level from the root.
/// </summary>
/// <remarks>
/// A level is split over the workers only when it holds at least <c>minParallelWidth</c> vertices; runs of
/// narrower levels go to one worker between two barriers, because a barrier costs more than a few hundred
/// vertices' work. The split changes who computes a vertex, never how, so every worker count gives the same
/// arrays. The buffers are reused across calls: one instance serves one caller at a time.
/// </remarks>
public sealed class LevelTreeDecider : ITreeDecider
{
    /// <summary>The default least width of a level that is split over the workers.</summary>
    public const int DefaultMinParallelWidth = 4096;

    private readonly WorkerTeam? _team;
    private readonly Segment[] _plan;           // bottom-up: deepest levels first
    private readonly bool _anyParallel;
    private readonly double[] _val;
    private readonly bool[] _good;
    private readonly bool[] _joined;
    private readonly int[] _rep;
    private readonly long[] _workerCounts;      // one slot per worker, 8 longs apart (no false sharing)

    /// <summary>A decider that runs on the calling thread only.</summary>
    public LevelTreeDecider(WeightedTree tree) : this(tree, null, DefaultMinParallelWidth)
    {
    }

    /// <summary>A decider that splits levels of at least <paramref name="minParallelWidth"/> vertices over the team.</summary>
    internal LevelTreeDecider(WeightedTree tree, WorkerTeam? team, int minParallelWidth)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfLessThan(minParallelWidth, 1);
        Tree = tree;
        _team = team is { Size: > 1 } ? team : null;
        int n = tree.Count;
        _val = new double[n];
        _good = new bool[n];
        _joined = new bool[n];          // the root's entry stays false; every other entry is written per call
        _rep = new int[n];
        _workerCounts = new long[8 * (_team?.Size ?? 1)];
        _plan = Plan(tree, _team is null ? int.MaxValue : minParallelWidth);
        _anyParallel = _plan.Any(s => s.Parallel);
    }

    /// <inheritdoc/>
    public WeightedTree Tree { get; }

    /// <summary>Number of levels split over the workers (0 when every level runs on one thread).</summary>
    public int ParallelLevelCount => _plan.Count(s => s.Parallel);

    /// <inheritdoc/>
    public int Count(double epsilon, bool strict = false) => Run(epsilon, strict, representatives: false);

    /// <inheritdoc/>
    public TreeDecision Decide(double epsilon, bool strict = false)
    {
        int count = Run(epsilon, strict, representatives: true);
        return new TreeDecision
        {
            Epsilon = epsilon,
            Strict = strict,
            Value = (double[])_val.Clone(),
            Good = (bool[])_good.Clone(),
            Joined = (bool[])_joined.Clone(),
            Representative = (int[])_rep.Clone(),
            Count = count,
        };
    }

    private int Run(double epsilon, bool strict, bool representatives)
    {
        if (!_anyParallel)
        {
            _workerCounts[0] = 0;
            Work(0, 1, null, epsilon, strict, representatives);
            return (int)_workerCounts[0];
        }
        var team = _team!;
        team.Run(w => Work(w, team.Size, team.Barrier, epsilon, strict, representatives));
        long count = 0;
        for (int w = 0; w < team.Size; w++) count += _workerCounts[8 * w];
        return (int)count;
    }

    private void Work(int worker, int workers, SpinBarrier? barrier, double epsilon, bool strict, bool representatives)
    {
        var t = Tree;
        long count = 0;
        for (int s = 0; s < _plan.Length; s++)
        {
            var segment = _plan[s];
            if (segment.Parallel)
            {
                var (begin, end) = Chunk(t, segment.Deepest, worker, workers);
                for (int i = begin; i < end; i++) count += Close(t, t.LevelVertices[i], epsilon, strict);
            }
            else if (worker == 0)
            {
                for (int level = segment.Deepest; level >= segment.Shallowest; level--)
                {
                    for (int i = t.LevelStart[level]; i < t.LevelStart[level + 1]; i++) count += Close(t, t.LevelVertices[i], epsilon, strict);
                }
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
                var (begin, end) = Chunk(t, segment.Deepest, worker, workers);
                for (int i = begin; i < end; i++) Represent(t, t.LevelVertices[i]);
            }
            else if (worker == 0)
            {
                for (int i = t.LevelStart[segment.Shallowest]; i < t.LevelStart[segment.Deepest + 1]; i++) Represent(t, t.LevelVertices[i]);
            }
            if (s > 0) barrier?.SignalAndWait();
        }
    }

    /// <summary>The closing test of v after pulling its children's contributions in sibling order (spec §4.2 lines 2–10).</summary>
    private int Close(WeightedTree t, int v, double epsilon, bool strict)
    {
        double acc = t.Potential[v] - epsilon * t.VertexWeight[v];
        for (int i = t.ChildStart[v]; i < t.ChildStart[v + 1]; i++)
        {
            int c = t.Children[i];
            bool join = !_good[c] && _val[c] < t.ParentFlow[c];
            _joined[c] = join;
            acc += join ? _val[c] : t.ParentFlow[c];
        }
        _val[v] = acc;
        double total = acc + t.ParentFlow[v];
        bool good = strict ? total < 0 : total <= 0;
        _good[v] = good;
        return good ? 1 : 0;
    }

    private void Represent(WeightedTree t, int v) => _rep[v] = _joined[v] ? _rep[t.Parent[v]] : v;

    private static (int Begin, int End) Chunk(WeightedTree t, int level, int worker, int workers)
    {
        int start = t.LevelStart[level];
        long width = t.LevelStart[level + 1] - start;
        return (start + (int)(width * worker / workers), start + (int)(width * (worker + 1) / workers));
    }

    /// <summary>Levels from the deepest up: each wide level alone (split), each run of narrow levels as one serial segment.</summary>
    private static Segment[] Plan(WeightedTree t, int minParallelWidth)
    {
        var plan = new List<Segment>();
        for (int level = t.MaxDepth; level >= 0; level--)
        {
            int width = t.LevelStart[level + 1] - t.LevelStart[level];
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

    /// <summary>Levels <see cref="Deepest"/> down to <see cref="Shallowest"/>; a parallel segment has one level.</summary>
    private readonly record struct Segment(int Deepest, int Shallowest, bool Parallel);
}
