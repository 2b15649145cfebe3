using Cheeger.Clustering.Metrics;

namespace Cheeger.Clustering.Tests.Metrics;

public class ContingencyTableTests
{
    [Fact]
    public void Counts_pairs_with_labels_in_ascending_order_and_outliers_as_a_label()
    {
        int[] clusters = [2, 2, -1, 0, 0, 2];
        int[] classes = [1, 1, 1, 0, 1, 0];

        var table = ContingencyTable.Build(clusters, classes);

        Assert.Equal([-1, 0, 2], table.RowLabels);
        Assert.Equal([0, 1], table.ColumnLabels);
        Assert.Equal(0, table[0, 0]);
        Assert.Equal(1, table[0, 1]);
        Assert.Equal(1, table[1, 0]);
        Assert.Equal(1, table[1, 1]);
        Assert.Equal(1, table[2, 0]);
        Assert.Equal(2, table[2, 1]);
        Assert.Equal(3, table.RowSum(2));
        Assert.Equal(4, table.ColumnSum(1));
        Assert.Equal(6, table.Total);
    }

    [Fact]
    public void Rejects_labellings_of_different_lengths() =>
        Assert.Throws<ArgumentException>(() => ContingencyTable.Build([0, 1], [0]));
}
