namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// Labels from the decision's representatives (spec §7.1): an exclusive prefix sum over the selected tops
/// numbers the clusters 0..k−1 by increasing top vertex; a vertex whose top was not selected is an outlier (−1).
/// </summary>
public static class ClusterLabeling
{
    /// <summary>label(v) = scan(rep v) when rep v is a selected top, else −1.</summary>
    public static int[] Label(ReadOnlySpan<int> representative, ReadOnlySpan<bool> isSelectedTop)
    {
        int n = representative.Length;
        var scan = new int[n];
        int running = 0;
        for (int v = 0; v < n; v++)
        {
            scan[v] = running;
            if (isSelectedTop[v]) running++;
        }
        var labels = new int[n];
        for (int v = 0; v < n; v++)
        {
            int top = representative[v];
            labels[v] = isSelectedTop[top] ? scan[top] : -1;
        }
        return labels;
    }
}
