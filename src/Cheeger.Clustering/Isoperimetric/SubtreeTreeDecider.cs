using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The decision procedure of spec §4.2 in pull form, split over the workers by subtrees: for the trees whose levels
/// are too narrow for <see cref="LevelTreeDecider"/> to split (a point cloud's spanning tree has thousands of levels
/// of a few hundred vertices). Every vertex sums its children in sibling order, so the arrays equal
/// <see cref="SerialTreeDecider"/>'s bit for bit, for every worker count.
/// </summary>
/// <remarks>
/// <para>
/// The skeleton is the vertices whose subtree holds more than <c>maxTaskSize</c> vertices (the root's side of the
/// tree, closed under ancestors); the top region is the skeleton and its children. Every other vertex lies in one
/// task: the subtree of a top vertex outside the skeleton, that vertex excepted. Positions number the top region first,
/// breadth first from the root (a skeleton vertex's children, all top, are contiguous), then the tasks in the top
/// region's order, each breadth first from its top vertex's children: within a task a parent comes before its
/// children and every vertex's children are contiguous.
/// </para>
/// <para>
/// A decision closes the tasks on the workers, dealt in chunks of whole tasks (each chunk swept from its end), and then
/// the top region from its end on the calling thread, whose task-owning vertices find their children final. The
/// representatives go the other way. On a point cloud's tree of a million vertices the top region is a few per cent.
/// </para>
/// </remarks>
internal sealed class SubtreeTreeDecider : ITreeDecider
{
    /// <summary>Chunks of tasks per worker, so that uneven tasks still spread evenly.</summary>
    private const int ChunksPerWorker = 8;

    private readonly WorkerPool _pool;
    private readonly DecisionLayout _layout;
    private readonly int _topCount;             // positions [0, _topCount): the top region
    private readonly int[] _chunkStart;         // chunk c: task positions [_chunkStart[c], _chunkStart[c + 1])
    private readonly int[] _chunkCounts;
    private readonly ChunkSweep _close;
    private readonly ChunkSweep _represent;
    private double _epsilon;
    private bool _strict;

    /// <summary>A decider whose tasks hold at most <paramref name="maxTaskSize"/> vertices (0: about a share of <see cref="ChunksPerWorker"/> per worker).</summary>
    public SubtreeTreeDecider(WeightedTree tree, WorkerPool pool, int maxTaskSize = 0)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTaskSize);
        Tree = tree;
        _pool = pool;
        int n = tree.Count;
        if (maxTaskSize == 0) maxTaskSize = Math.Max(1, n / (ChunksPerWorker * pool.Size));

        // Subtree sizes, children before parents.
        var size = new int[n];
        for (int t = n - 1; t >= 0; t--)
        {
            int v = tree.Order[t];
            size[v]++;
            if (tree.Parent[v] >= 0) size[tree.Parent[v]] += size[v];
        }

        var vertexAt = new int[n];
        var parentAt = new int[n];
        var firstChild = new int[n];
        var childEnd = new int[n];
        var taskOwners = new List<int>();       // top positions whose subtree below is a task
        int tail = 0;
        vertexAt[tail++] = tree.Root;
        parentAt[0] = -1;
        for (int p = 0; p < tail; p++)
        {
            int v = vertexAt[p];
            if (size[v] > maxTaskSize)
            {
                tail = PlaceChildren(tree, p, v, tail, vertexAt, parentAt, firstChild, childEnd);
            }
            else if (size[v] > 1)
            {
                taskOwners.Add(p);
            }
        }
        _topCount = tail;

        // Each task's place follows from the sizes; the tasks are laid out independently.
        var taskStart = new int[taskOwners.Count + 1];
        taskStart[0] = _topCount;
        for (int k = 0; k < taskOwners.Count; k++) taskStart[k + 1] = taskStart[k] + size[vertexAt[taskOwners[k]]] - 1;
        new ParallelRange((begin, end) =>
        {
            for (int k = begin; k < end; k++)
            {
                int owner = taskOwners[k], last = PlaceChildren(tree, owner, vertexAt[owner], taskStart[k], vertexAt, parentAt, firstChild, childEnd);
                for (int p = taskStart[k]; p < last; p++) last = PlaceChildren(tree, p, vertexAt[p], last, vertexAt, parentAt, firstChild, childEnd);
            }
        }, 64).Run(pool, taskOwners.Count);

        // Chunks of whole tasks of about equal size.
        long target = Math.Max(1, (n - _topCount) / (ChunksPerWorker * pool.Size));
        var chunkStart = new List<int> { _topCount };
        for (int k = 1; k < taskOwners.Count; k++)
        {
            if (taskStart[k] - chunkStart[^1] >= target) chunkStart.Add(taskStart[k]);
        }
        chunkStart.Add(n);
        _chunkStart = [.. chunkStart];
        _chunkCounts = new int[_chunkStart.Length - 1];

        _layout = new DecisionLayout(tree, vertexAt, parentAt, firstChild, childEnd);
        _close = new ChunkSweep(this, closing: true);
        _represent = new ChunkSweep(this, closing: false);
    }

    /// <inheritdoc/>
    public WeightedTree Tree { get; }

    /// <summary>Number of positions in the top region, closed on one thread.</summary>
    public int TopCount => _topCount;

    /// <inheritdoc/>
    public int Count(double epsilon, bool strict = false)
    {
        _epsilon = epsilon;
        _strict = strict;
        Sweep(_close);
        int count = _layout.Close(0, _topCount, epsilon, strict);
        foreach (int c in _chunkCounts) count += c;
        return count;
    }

    /// <inheritdoc/>
    public TreeDecision Decide(double epsilon, bool strict = false)
    {
        int count = Count(epsilon, strict);
        _layout.Represent(0, _topCount);
        Sweep(_represent);
        return _layout.ToDecision(epsilon, strict, count);
    }

    /// <summary>Every chunk of tasks on the workers; a single chunk on the calling thread, which saves waking them.</summary>
    private void Sweep(ChunkSweep sweep)
    {
        if (_chunkCounts.Length == 1) sweep.Execute(0);
        else _pool.Run(sweep, _chunkCounts.Length);
    }

    /// <summary>Places the children of vertex <paramref name="v"/> at position <paramref name="p"/> from <paramref name="tail"/> on; returns the next free position.</summary>
    private static int PlaceChildren(WeightedTree tree, int p, int v, int tail, int[] vertexAt, int[] parentAt, int[] firstChild, int[] childEnd)
    {
        firstChild[p] = tail;
        foreach (int c in tree.ChildrenOf(v))
        {
            parentAt[tail] = p;
            vertexAt[tail++] = c;
        }
        childEnd[p] = tail;
        return tail;
    }

    /// <summary>The close or the representatives of one chunk of tasks.</summary>
    private sealed class ChunkSweep(SubtreeTreeDecider decider, bool closing) : IChunkWork
    {
        public void Execute(int chunk)
        {
            int begin = decider._chunkStart[chunk], end = decider._chunkStart[chunk + 1];
            if (closing) decider._chunkCounts[chunk] = decider._layout.Close(begin, end, decider._epsilon, decider._strict);
            else decider._layout.Represent(begin, end);
        }
    }
}
