using Cheeger.Clustering.Metrics;

namespace Cheeger.Clustering.Tests.Metrics;

public class LabelAgreementTests
{
    [Fact]
    public void Identical_up_to_renaming()
    {
        Assert.Equal(new LabelAgreement(true, 0), LabelAgreement.Compare([0, 0, 1, 2, -1], [2, 2, 0, 1, -1]));
    }

    [Fact]
    public void Counts_the_points_that_differ_under_the_best_renaming()
    {
        // Renaming 0 → 1, 1 → 0 fits all but the last point.
        Assert.Equal(new LabelAgreement(false, 1), LabelAgreement.Compare([0, 0, 1, 1, 1], [1, 1, 0, 0, 1]));
    }

    [Fact]
    public void Never_renames_an_outlier()
    {
        // −1 against 1 differs even though 1 is otherwise unused; each side's −1 against a cluster differs.
        Assert.Equal(new LabelAgreement(false, 1), LabelAgreement.Compare([-1, 0, 0], [1, 0, 0]));
        Assert.Equal(new LabelAgreement(false, 2), LabelAgreement.Compare([-1, 0, 1], [0, -1, 1]));
    }

    [Fact]
    public void Counts_a_split_cluster_as_differing_points()
    {
        // One cluster split in two: the smaller part (2 points) cannot be renamed onto the reference.
        Assert.Equal(new LabelAgreement(false, 2), LabelAgreement.Compare([0, 0, 0, 0, 0], [0, 0, 0, 1, 1]));
    }
}
