using Cheeger.Clustering.Metrics;

namespace Cheeger.Clustering.Tests.Metrics;

/// <summary>
/// Cases from the scikit-learn documentation of adjusted_rand_score, each worked by hand here with
/// A = Σ_i C(a_i,2), B = Σ_j C(b_j,2), I = Σ_ij C(n_ij,2), N = C(n,2), E = A·B/N, ARI = (I − E)/((A + B)/2 − E).
/// </summary>
public class AdjustedRandIndexTests
{
    [Fact]
    public void Is_one_for_identical_partitions_whatever_the_numbering()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 0, 1, 1]));
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 1, 1], [1, 1, 0, 0]));
        Assert.Equal(1.0, AdjustedRandIndex.Compute([3, 3, 7, 9, 9], [0, 0, 2, 1, 1]));
    }

    [Fact]
    public void Splitting_one_class_in_two_gives_four_sevenths()
    {
        // [0,0,1,2] vs [0,0,1,1]: I = 1, A = 1, B = 2, N = 6, E = 1/3, ARI = (2/3)/(7/6) = 4/7.
        Assert.Equal(4.0 / 7.0, AdjustedRandIndex.Compute([0, 0, 1, 2], [0, 0, 1, 1]), 14);
        Assert.Equal(4.0 / 7.0, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 0, 1, 2]), 14);
    }

    [Fact]
    public void The_user_guide_example_gives_eight_thirty_thirds()
    {
        // [0,0,0,1,1,1] vs [0,0,1,1,2,2]: I = 2, A = 6, B = 3, N = 15, E = 1.2, ARI = 0.8/3.3 = 8/33 ≈ 0.24.
        Assert.Equal(8.0 / 33.0, AdjustedRandIndex.Compute([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 14);
    }

    [Fact]
    public void Is_zero_for_one_cluster_against_all_singletons() =>
        // I = 0, A = 6, B = 0, E = 0: ARI = 0/3 = 0.
        Assert.Equal(0.0, AdjustedRandIndex.Compute([0, 0, 0, 0], [0, 1, 2, 3]));

    [Fact]
    public void Is_negative_half_for_crossed_pairs() =>
        // [0,0,1,1] vs [0,1,0,1]: I = 0, A = B = 2, N = 6, E = 2/3, ARI = (−2/3)/(4/3) = −1/2.
        Assert.Equal(-0.5, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 1, 0, 1]), 15);

    [Fact]
    public void Treats_outliers_as_one_cluster_of_their_own()
    {
        // The two −1 points together are one set, exactly like class 5.
        Assert.Equal(1.0, AdjustedRandIndex.Compute([-1, -1, 0, 0], [5, 5, 7, 7]));
        // [−1,−1,0,0] vs [0,1,0,1] is the crossed case above: −1/2, not a value for "outliers ignored".
        Assert.Equal(-0.5, AdjustedRandIndex.Compute([-1, -1, 0, 0], [0, 1, 0, 1]), 15);
    }

    [Fact]
    public void Is_one_for_the_degenerate_identical_cases()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute([4, 4, 4], [1, 1, 1]));
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 1, 2], [2, 0, 1]));
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0], [3]));
    }

    [Fact]
    public void Is_symmetric()
    {
        int[] a = [0, 0, 1, 1, 2, 2, 2, -1];
        int[] b = [1, 0, 1, 1, 2, 0, 2, 2];
        Assert.Equal(AdjustedRandIndex.Compute(a, b), AdjustedRandIndex.Compute(b, a), 15);
    }
}
