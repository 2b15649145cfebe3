using System.Numerics;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>
/// Exhaustive answers on a tree of at most a dozen vertices, by dynamic programming over vertex subsets: the
/// optimal cost over k-subpartitions into connected sets (spec §3.1–3.2), and the maximum packing of disjoint
/// connected ε-good sets (spec §3.3). Exact: costs are fractions of integers.
/// </summary>
internal sealed class BruteForceSubpartitions
{
    private readonly int _n;
    private readonly bool[] _connected;
    private readonly long[] _numerator;     // φ(∂A) + ψ(A)
    private readonly long[] _denominator;   // ω(A)

    public BruteForceSubpartitions(IntegerTree tree)
    {
        _n = tree.Count;
        int sets = 1 << _n;
        _connected = new bool[sets];
        _numerator = new long[sets];
        _denominator = new long[sets];
        for (int mask = 1; mask < sets; mask++)
        {
            int insideEdges = 0;
            long boundary = 0, potential = 0, weight = 0;
            for (int v = 0; v < _n; v++)
            {
                bool vIn = (mask >> v & 1) == 1;
                if (vIn)
                {
                    potential += tree.Potential[v];
                    weight += tree.VertexWeight[v];
                }
                int p = tree.Parent[v];
                if (p < 0) continue;
                bool pIn = (mask >> p & 1) == 1;
                if (vIn && pIn) insideEdges++;
                else if (vIn != pIn) boundary += tree.ParentFlow[v];
            }
            _connected[mask] = insideEdges == BitOperations.PopCount((uint)mask) - 1;
            _numerator[mask] = boundary + potential;
            _denominator[mask] = weight;
        }
    }

    /// <summary>Every connected vertex set (as a bit mask) and its exact cost.</summary>
    public IEnumerable<(int Mask, Fraction Cost)> ConnectedSets()
    {
        for (int mask = 1; mask < 1 << _n; mask++)
        {
            if (_connected[mask]) yield return (mask, new Fraction(_numerator[mask], _denominator[mask]));
        }
    }

    /// <summary>Whether <paramref name="mask"/> is a connected set of the tree.</summary>
    public bool IsConnected(int mask) => _connected[mask];

    /// <summary>The exact cost of a vertex set.</summary>
    public Fraction Cost(int mask) => new(_numerator[mask], _denominator[mask]);

    /// <summary>ι_k: the least max-cost over k disjoint nonempty connected sets.</summary>
    public Fraction Optimum(int k)
    {
        int sets = 1 << _n;
        // best[j][mask]: least max-cost of j disjoint connected sets inside mask (null: impossible).
        var previous = new Fraction?[sets];
        Array.Fill(previous, Fraction.Zero);                    // zero sets: nothing to pay
        for (int j = 1; j <= k; j++)
        {
            var current = new Fraction?[sets];
            for (int mask = 1; mask < sets; mask++)
            {
                int low = mask & -mask;
                Fraction? best = current[mask ^ low];           // the lowest vertex stays uncovered
                int rest = mask ^ low;
                for (int sub = rest; ; sub = (sub - 1) & rest)  // sets that contain the lowest vertex
                {
                    int set = sub | low;
                    if (_connected[set] && previous[mask ^ set] is { } others)
                    {
                        var value = Fraction.Max(Cost(set), others);
                        if (best is null || value < best.Value) best = value;
                    }
                    if (sub == 0) break;
                }
                current[mask] = best;
            }
            previous = current;
        }
        return previous[sets - 1] ?? throw new InvalidOperationException($"The tree has fewer than {k} vertices.");
    }

    /// <summary>F(ε): the most disjoint connected sets with φ(∂A) + ψ(A) − ε·ω(A) ≤ 0 (&lt; 0 when strict), for ε = p/q.</summary>
    public int MaxPacking(Fraction epsilon, bool strict)
    {
        int sets = 1 << _n;
        var good = new bool[sets];
        for (int mask = 1; mask < sets; mask++)
        {
            if (!_connected[mask]) continue;
            // c_ε · q = q·(φ(∂A) + ψ(A)) − p·ω(A)
            Int128 scaled = (Int128)epsilon.Denominator * _numerator[mask] - (Int128)epsilon.Numerator * _denominator[mask];
            good[mask] = strict ? scaled < 0 : scaled <= 0;
        }
        var packing = new int[sets];
        for (int mask = 1; mask < sets; mask++)
        {
            int low = mask & -mask, rest = mask ^ low;
            int best = packing[rest];
            for (int sub = rest; ; sub = (sub - 1) & rest)
            {
                int set = sub | low;
                if (good[set]) best = Math.Max(best, 1 + packing[mask ^ set]);
                if (sub == 0) break;
            }
            packing[mask] = best;
        }
        return packing[sets - 1];
    }
}

/// <summary>A nonnegative fraction p/q with q > 0, compared exactly.</summary>
internal readonly record struct Fraction(long Numerator, long Denominator) : IComparable<Fraction>
{
    public static Fraction Zero => new(0, 1);

    public double Value => (double)Numerator / Denominator;

    public int CompareTo(Fraction other) => ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    public bool EqualsExactly(Fraction other) => CompareTo(other) == 0;

    public static Fraction Max(Fraction a, Fraction b) => a.CompareTo(b) >= 0 ? a : b;

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
