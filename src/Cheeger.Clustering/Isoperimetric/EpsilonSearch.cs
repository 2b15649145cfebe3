namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The search over ε (spec §5.1–5.2): a bracket [0, hi₀] with hi₀ a power of two, then bisection down to a
/// relative width τ. Every probe is a dyadic number fixed by hi₀ and the yes/no answers, so every backend
/// probes the same values.
/// </summary>
public static class EpsilonSearch
{
    /// <summary>
    /// hi₀ (spec §5.1): the smallest power of two ≥ 1.5·c_k, c_k being the k-th smallest singleton cost; 1 when
    /// c_k = 0. The power of two is found from the binary exponent (frexp/ldexp), so it is exact.
    /// </summary>
    public static double InitialUpperBound(WeightedTree tree, int k)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, tree.Count);
        var costs = new double[tree.Count];
        for (int v = 0; v < costs.Length; v++) costs[v] = tree.SingletonCost(v);
        Array.Sort(costs);
        return PowerOfTwoAtLeast(1.5 * costs[k - 1]);
    }

    /// <summary>The smallest power of two ≥ <paramref name="x"/> (x ≥ 0 and finite); 1 for x = 0.</summary>
    public static double PowerOfTwoAtLeast(double x)
    {
        if (!(x >= 0) || !double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "Needs a finite number ≥ 0.");
        if (x == 0) return 1;
        int exponent = Math.ILogB(x);                  // 2^e ≤ x < 2^(e+1)
        double power = Math.ScaleB(1.0, exponent);
        return power == x ? power : Math.ScaleB(1.0, exponent + 1);
    }

    /// <summary>
    /// Runs the bisection of spec §5.2 with <paramref name="decider"/> and returns the decision at the final
    /// upper end. <paramref name="tolerance"/> is τ (relative), <paramref name="maxSteps"/> bounds the halvings.
    /// </summary>
    /// <exception cref="ClusteringInputException">the cost scale overflows a double while bracketing.</exception>
    public static SearchOutcome Run(ITreeDecider decider, int k, double tolerance, int maxSteps, CancellationToken cancellation) =>
        Run(decider, k, tolerance, maxSteps, progress: null, cancellation);

    /// <summary>As <see cref="Run(ITreeDecider, int, double, int, CancellationToken)"/>, reporting each probe to <paramref name="progress"/> (<see cref="IsoperimetricStage.Search"/>).</summary>
    /// <exception cref="ClusteringInputException">the cost scale overflows a double while bracketing.</exception>
    public static SearchOutcome Run(ITreeDecider decider, int k, double tolerance, int maxSteps,
        IProgress<IsoperimetricProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(decider);
        var probes = new List<SearchProbe>();
        int doublings = 0, leadingSuccesses = 0;
        int Probe(double epsilon)
        {
            cancellation.ThrowIfCancellationRequested();
            int count = decider.Count(epsilon);
            probes.Add(new SearchProbe(epsilon, count));
            SearchProgress.Probed(progress, probes.Count, SearchProgress.ExpectedProbes(tolerance, maxSteps, doublings, leadingSuccesses));
            return count;
        }

        double hi = InitialUpperBound(decider.Tree, k);
        while (Probe(hi) < k)
        {
            // Only rounding can make the k cheapest singletons fail at 1.5·c_k; widen the bracket.
            hi *= 2;
            doublings++;
            if (!double.IsFinite(hi))
                throw new ClusteringInputException("The ε search found no bracket below the largest double; the costs overflow (is β or σ extreme?).");
        }

        double lo = 0;
        if (Probe(0) >= k)
        {
            return new SearchOutcome { EpsilonHigh = 0, EpsilonLow = 0, Halvings = 0, Probes = probes, Decision = decider.Decide(0) };
        }

        int halvings = 0;
        while (hi - lo > tolerance * hi && halvings < maxSteps)
        {
            double mid = 0.5 * (lo + hi);
            if (!(lo < mid && mid < hi)) break;
            halvings++;
            if (Probe(mid) >= k)
            {
                if (lo == 0) leadingSuccesses++;
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        return new SearchOutcome { EpsilonHigh = hi, EpsilonLow = lo, Halvings = halvings, Probes = probes, Decision = decider.Decide(hi) };
    }
}
