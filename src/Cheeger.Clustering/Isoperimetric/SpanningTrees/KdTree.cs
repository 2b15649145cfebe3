using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cheeger.Clustering.Data;

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

    /// <summary>Builds the kd-tree of <paramref name="data"/> (at least one point).</summary>
    public static KdTree Build(Dataset data)
    {
        int n = data.Count, d = data.Dimension;
        // Only ranges above LeafSize are split, at the median, so every leaf holds at least LeafSize / 2 points
        // (or is the root): at most 2n / (LeafSize / 2) nodes.
        var tree = new KdTree(n, d, Math.Max(1, 2 * (n / (LeafSize / 2))));
        for (int v = 0; v < n; v++) tree.VertexAt[v] = v;

        // The splits permute vertices only, reading the coordinates from the data; the rows are copied into tree
        // order once at the end (so the build holds one copy of the points, not two).
        var keys = new SplitKey[n];
        tree.AddNode(0, n);
        // Nodes are split in the order they were added, so children always come after their parent.
        for (int node = 0; node < tree.NodeCount; node++)
        {
            int first = tree.Begin[node], last = tree.End[node];
            tree.FitBox(data, node, first, last);
            if (last - first <= LeafSize) continue;
            int middle = first + (last - first) / 2;
            tree.SplitAtMedian(data, keys, tree.WidestDimension(node), first, middle, last);
            tree.FirstChild[node] = tree.NodeCount;
            tree.AddNode(first, middle);
            tree.AddNode(middle, last);
        }
        for (int p = 0; p < n; p++) data.Row(tree.VertexAt[p]).CopyTo(tree.Coordinates.AsSpan(p * d, d));
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
    internal static double BoxLowerBound(ref double q, ref double low, ref double high, int d)
    {
        double sum = 0;
        for (int j = 0; j < d; j++)
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

    private void FitBox(Dataset data, int node, int first, int last)
    {
        int d = Dimension;
        var low = Low.AsSpan(node * d, d);
        var high = High.AsSpan(node * d, d);
        data.Row(VertexAt[first]).CopyTo(low);
        data.Row(VertexAt[first]).CopyTo(high);
        int least = VertexAt[first];
        for (int p = first + 1; p < last; p++)
        {
            least = Math.Min(least, VertexAt[p]);
            var x = data.Row(VertexAt[p]);
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

    /// <summary>Reorders the vertices at positions [first, last) so that the lower half by (x_j, vertex) comes first.</summary>
    private void SplitAtMedian(Dataset data, SplitKey[] keys, int j, int first, int middle, int last)
    {
        var points = data.Points.Span;
        int d = Dimension, count = last - first;
        var range = keys.AsSpan(0, count);
        for (int p = first; p < last; p++) range[p - first] = new SplitKey(points[VertexAt[p] * d + j], VertexAt[p]);
        Select(range, middle - first);
        for (int i = 0; i < count; i++) VertexAt[first + i] = range[i].Vertex;
    }

    /// <summary>Quickselect: puts the k-th least key at k, the lesser ones before it and the greater after.</summary>
    private static void Select(Span<SplitKey> keys, int k)
    {
        int left = 0, right = keys.Length - 1;
        while (right > left)
        {
            // Median of three as the pivot, so sorted input does not make it quadratic.
            int mid = left + (right - left) / 2;
            if (keys[mid].Precedes(keys[left])) (keys[mid], keys[left]) = (keys[left], keys[mid]);
            if (keys[right].Precedes(keys[left])) (keys[right], keys[left]) = (keys[left], keys[right]);
            if (keys[right].Precedes(keys[mid])) (keys[right], keys[mid]) = (keys[mid], keys[right]);
            var pivot = keys[mid];
            int i = left, r = right;
            while (i <= r)
            {
                while (keys[i].Precedes(pivot)) i++;
                while (pivot.Precedes(keys[r])) r--;
                if (i <= r)
                {
                    (keys[i], keys[r]) = (keys[r], keys[i]);
                    i++;
                    r--;
                }
            }
            if (k <= r) right = r;
            else if (k >= i) left = i;
            else return;
        }
    }

    /// <summary>A point's coordinate in the dimension being split and its vertex (the tie-break).</summary>
    private readonly record struct SplitKey(double X, int Vertex)
    {
        public bool Precedes(in SplitKey other) => X < other.X || (X == other.X && Vertex < other.Vertex);
    }
}
