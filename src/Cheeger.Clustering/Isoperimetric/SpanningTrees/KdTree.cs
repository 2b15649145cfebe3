using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>
/// A kd-tree over the points, for the exact searches of <see cref="KdTreeBoruvka"/>. Each node holds a contiguous
/// range of tree positions and the bounding box of its points; an inner node splits its range at the median of its
/// box's widest dimension (ties by vertex index, so the tree is a function of the input alone and equal points split
/// like any others). The coordinates are copied in tree order, so that a leaf's points are contiguous in memory.
/// Nodes are numbered so that every child comes after its parent (the left child first, the right one next to it).
/// </summary>
internal sealed class KdTree
{
    /// <summary>Points per leaf at most (the native core's measured choice: 8 to 32 cost about the same).</summary>
    public const int LeafSize = 16;

    private KdTree(int count, int dimension, int nodeCapacity)
    {
        Count = count;
        Dimension = dimension;
        VertexAt = new int[count];
        Coordinates = new double[(long)count * dimension];
        Begin = new int[nodeCapacity];
        End = new int[nodeCapacity];
        FirstChild = new int[nodeCapacity];
        LeastVertex = new int[nodeCapacity];
        Low = new double[(long)nodeCapacity * dimension];
        High = new double[(long)nodeCapacity * dimension];
    }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Coordinates per point.</summary>
    public int Dimension { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; private set; }

    /// <summary>The vertex at each tree position.</summary>
    public int[] VertexAt { get; }

    /// <summary>The coordinates of <see cref="VertexAt"/>[p] at row p.</summary>
    public double[] Coordinates { get; }

    /// <summary>Each node's first position.</summary>
    public int[] Begin { get; }

    /// <summary>One past each node's last position.</summary>
    public int[] End { get; }

    /// <summary>Each node's left child (the right one is next to it); −1 for a leaf.</summary>
    public int[] FirstChild { get; }

    /// <summary>The smallest vertex index among each node's points.</summary>
    public int[] LeastVertex { get; }

    /// <summary>Row per node: the least coordinate of its points in each dimension.</summary>
    public double[] Low { get; }

    /// <summary>Row per node: the greatest coordinate of its points in each dimension.</summary>
    public double[] High { get; }

    /// <summary>Builds the kd-tree of <paramref name="data"/> (at least one point) on the calling thread.</summary>
    public static KdTree Build(Dataset data) => Build(data, null);

    /// <summary>
    /// Builds the kd-tree of <paramref name="data"/> (at least one point), the nodes of each level split over
    /// <paramref name="pool"/> (null: the calling thread). A node's split reads and permutes its own range only, so
    /// the tree is the same for every worker count.
    /// </summary>
    public static KdTree Build(Dataset data, WorkerPool? pool)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count, d = data.Dimension;
        // Only ranges above LeafSize are split, at the median, so every leaf holds at least LeafSize / 2 points
        // (or is the root): at most 2n / (LeafSize / 2) nodes.
        var tree = new KdTree(n, d, Math.Max(1, 2 * (n / (LeafSize / 2))));
        for (int v = 0; v < n; v++) tree.VertexAt[v] = v;
        // The rows start in vertex order and are permuted with their vertices by the splits, so every split reads
        // contiguous memory and the build holds one copy of the points.
        data.Points.Span.CopyTo(tree.Coordinates);

        // Level by level: a level's nodes are numbered before any of them is split (children in the order of their
        // parents), so the numbering is the breadth-first one whoever splits which node.
        var level = new LevelSplit(tree);
        tree.AddNode(0, n);
        for (int first = 0; first < tree.NodeCount;)
        {
            int last = tree.NodeCount;
            for (int node = first; node < last; node++)
            {
                int begin = tree.Begin[node], end = tree.End[node];
                if (end - begin <= LeafSize) continue;
                int middle = begin + (end - begin) / 2;
                tree.FirstChild[node] = tree.NodeCount;
                tree.AddNode(begin, middle);
                tree.AddNode(middle, end);
            }
            level.Run(pool, first, last);
            first = last;
        }
        return tree;
    }

    /// <summary>
    /// A lower bound on the squared distance from <paramref name="q"/> to any point of the box [low, high], never
    /// above it, rounding included: per dimension the gap (q_j − low_j below the box, q_j − high_j above, 0 inside)
    /// rounds no further from 0 than the rounded q_j − x_j of any x in the box (subtraction rounds monotonically),
    /// so its square is no greater; and a rounded sum is monotone in both operands, so summing those squares in the
    /// same dimension order with the same operations (the JIT contracts no FMA) gives at most the rounded d². A node
    /// may therefore be skipped only when this bound is strictly greater than a d² already found.
    /// </summary>
    public static double BoxLowerBound(ReadOnlySpan<double> q, ReadOnlySpan<double> low, ReadOnlySpan<double> high)
    {
        if (low.Length != q.Length || high.Length != q.Length) throw new ArgumentException("The query and the box corners need the same dimension.");
        return BoxLowerBound(ref MemoryMarshal.GetReference(q), ref MemoryMarshal.GetReference(low), ref MemoryMarshal.GetReference(high), q.Length);
    }

    /// <summary><see cref="BoxLowerBound(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/> on d values from each reference, unchecked (the search's inner loop).</summary>
    /// <remarks>
    /// Two dimensions at a time with SIMD: the gap is max(low_j − q_j, q_j − high_j, 0), of the same magnitude as the
    /// scalar one (a rounded difference negates exactly), so its square is the same; the squares are then added one by
    /// one in dimension order, as the scalar loop adds them.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double BoxLowerBound(ref double q, ref double low, ref double high, int d)
    {
        double sum = 0;
        int j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; j + 2 <= d; j += 2)
            {
                var x = Vector128.LoadUnsafe(ref q, (nuint)j);
                var gap = Vector128.MaxNative(
                    Vector128.MaxNative(Vector128.LoadUnsafe(ref low, (nuint)j) - x, x - Vector128.LoadUnsafe(ref high, (nuint)j)),
                    Vector128<double>.Zero);
                var square = gap * gap;
                sum += square.GetElement(0);
                sum += square.GetElement(1);
            }
        }
        for (; j < d; j++)
        {
            double x = Unsafe.Add(ref q, j), lo = Unsafe.Add(ref low, j), hi = Unsafe.Add(ref high, j);
            double gap = 0;
            if (x < lo) gap = x - lo;
            else if (x > hi) gap = x - hi;
            sum += gap * gap;
        }
        return sum;
    }

    /// <summary>The coordinates at tree position <paramref name="position"/>.</summary>
    public ReadOnlySpan<double> Row(int position) => Coordinates.AsSpan(position * Dimension, Dimension);

    /// <summary>The box corners of <paramref name="node"/>.</summary>
    public ReadOnlySpan<double> LowOf(int node) => Low.AsSpan(node * Dimension, Dimension);

    /// <inheritdoc cref="LowOf"/>
    public ReadOnlySpan<double> HighOf(int node) => High.AsSpan(node * Dimension, Dimension);

    private void AddNode(int first, int last)
    {
        int node = NodeCount++;
        Begin[node] = first;
        End[node] = last;
        FirstChild[node] = -1;
    }

    /// <summary>The box and least vertex of <paramref name="node"/>, then its split when it has children.</summary>
    private void Split(int node)
    {
        int first = Begin[node], last = End[node];
        FitBox(node, first, last);
        if (FirstChild[node] < 0) return;
        Select(WidestDimension(node), first, first + (last - first) / 2, last);
    }

    private void FitBox(int node, int first, int last)
    {
        int d = Dimension;
        var low = Low.AsSpan(node * d, d);
        var high = High.AsSpan(node * d, d);
        Row(first).CopyTo(low);
        Row(first).CopyTo(high);
        int least = VertexAt[first];
        for (int p = first + 1; p < last; p++)
        {
            least = Math.Min(least, VertexAt[p]);
            var x = Row(p);
            for (int j = 0; j < d; j++)
            {
                low[j] = Math.Min(low[j], x[j]);
                high[j] = Math.Max(high[j], x[j]);
            }
        }
        LeastVertex[node] = least;
    }

    private int WidestDimension(int node)
    {
        var low = LowOf(node);
        var high = HighOf(node);
        int widest = 0;
        for (int j = 1; j < Dimension; j++)
        {
            if (high[j] - low[j] > high[widest] - low[widest]) widest = j;
        }
        return widest;
    }

    /// <summary>
    /// Quickselect on positions [first, last) by (x_j, vertex): the rows and vertices of the lower half end up before
    /// <paramref name="middle"/>, the others from it on.
    /// </summary>
    private void Select(int j, int first, int middle, int last)
    {
        // Unchecked: every position below lies in [first, last).
        ref double x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Coordinates), j);
        ref int vertexAt = ref MemoryMarshal.GetArrayDataReference(VertexAt);
        int d = Dimension;
        int left = first, right = last - 1;
        while (right > left)
        {
            // Median of three as the pivot, so sorted input does not make it quadratic.
            int mid = left + (right - left) / 2;
            if (Precedes(ref x, ref vertexAt, d, mid, left)) Swap(mid, left);
            if (Precedes(ref x, ref vertexAt, d, right, left)) Swap(right, left);
            if (Precedes(ref x, ref vertexAt, d, right, mid)) Swap(right, mid);
            double pivotX = Unsafe.Add(ref x, mid * d);
            int pivotVertex = Unsafe.Add(ref vertexAt, mid);
            int i = left, r = right;
            while (i <= r)
            {
                while (Precedes(Unsafe.Add(ref x, i * d), Unsafe.Add(ref vertexAt, i), pivotX, pivotVertex)) i++;
                while (Precedes(pivotX, pivotVertex, Unsafe.Add(ref x, r * d), Unsafe.Add(ref vertexAt, r))) r--;
                if (i <= r)
                {
                    Swap(i, r);
                    i++;
                    r--;
                }
            }
            if (middle <= r) right = r;
            else if (middle >= i) left = i;
            else return;
        }
    }

    /// <summary>True when the point at position a comes before the one at b by (x_j, vertex), x_j read from <paramref name="x"/> with stride d.</summary>
    private static bool Precedes(ref double x, ref int vertexAt, int d, int a, int b) =>
        Precedes(Unsafe.Add(ref x, a * d), Unsafe.Add(ref vertexAt, a), Unsafe.Add(ref x, b * d), Unsafe.Add(ref vertexAt, b));

    private static bool Precedes(double xa, int va, double xb, int vb) => xa < xb || (xa == xb && va < vb);

    /// <summary>Swaps the rows and vertices at two positions.</summary>
    private void Swap(int a, int b)
    {
        ref int vertexAt = ref MemoryMarshal.GetArrayDataReference(VertexAt);
        (Unsafe.Add(ref vertexAt, a), Unsafe.Add(ref vertexAt, b)) = (Unsafe.Add(ref vertexAt, b), Unsafe.Add(ref vertexAt, a));
        int d = Dimension;
        ref double rowA = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Coordinates), a * d);
        ref double rowB = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Coordinates), b * d);
        for (int j = 0; j < d; j++) (Unsafe.Add(ref rowA, j), Unsafe.Add(ref rowB, j)) = (Unsafe.Add(ref rowB, j), Unsafe.Add(ref rowA, j));
    }

    /// <summary>One level's nodes, split in chunks of about the same number of points (the nodes of a level are about equal).</summary>
    private sealed class LevelSplit(KdTree tree) : IChunkWork
    {
        /// <summary>Points per chunk at least, so that the deep levels' small nodes go to the workers in batches.</summary>
        private const int PointsPerChunk = 4096;

        private int _first;
        private int _nodesPerChunk;
        private int _last;

        /// <summary>Splits nodes [first, last) of one level.</summary>
        public void Run(WorkerPool? pool, int first, int last)
        {
            _first = first;
            _last = last;
            int nodePoints = Math.Max(1, tree.End[first] - tree.Begin[first]);
            _nodesPerChunk = Math.Max(1, PointsPerChunk / nodePoints);
            int chunks = (last - first + _nodesPerChunk - 1) / _nodesPerChunk;
            if (pool is null || pool.Size == 1 || chunks == 1)
            {
                for (int chunk = 0; chunk < chunks; chunk++) Execute(chunk);
            }
            else
            {
                pool.Run(this, chunks);
            }
        }

        public void Execute(int chunk)
        {
            int begin = _first + chunk * _nodesPerChunk, end = Math.Min(_last, begin + _nodesPerChunk);
            for (int node = begin; node < end; node++) tree.Split(node);
        }
    }
}
