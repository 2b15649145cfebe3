using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using ScottPlot;

namespace Cheeger.Cli.Plotting;

/// <summary>
/// A PNG scatter plot of a clustering: the points on the plane of <see cref="PlaneProjection"/>, coloured by
/// cluster, outliers (−1) as black crosses, and optionally the spanning tree's edges underneath.
/// </summary>
internal static class ClusterPlot
{
    /// <summary>Above this many points the tree's edges are not drawn: one line per edge gets too slow and too dense.</summary>
    public const int MaxTreeEdges = 20_000;

    private const int Width = 1000, Height = 750;

    /// <summary>Writes the plot to <paramref name="path"/>.</summary>
    public static void Write(string path, Dataset data, ReadOnlySpan<int> labels, bool standardize, SpanningTree? tree, string title)
    {
        var plane = PlaneProjection.Of(data, standardize);
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(plane.XLabel);
        plot.YLabel(plane.YLabel);

        if (tree is not null && tree.Count <= MaxTreeEdges)
        {
            for (int v = 0; v < tree.Count; v++)
            {
                int parent = tree.Parent[v];
                if (parent < 0) continue;
                var edge = plot.Add.Line(plane.X[v], plane.Y[v], plane.X[parent], plane.Y[parent]);
                edge.LineColor = Colors.Gray.WithAlpha(0.5);
                edge.LineWidth = 1;
                edge.MarkerSize = 0;
            }
        }

        float markerSize = data.Count > 10_000 ? 2 : data.Count > 1_000 ? 4 : 6;
        // Ten distinct colours while they suffice; Category20 pairs dark and light shades that look alike.
        var groups = Groups(labels);
        IPalette palette = groups.Keys.Max() < 10 ? new ScottPlot.Palettes.Category10() : new ScottPlot.Palettes.Category20();
        foreach (var group in groups.OrderBy(g => g.Key))
        {
            double[] xs = [.. group.Value.Select(i => plane.X[i])];
            double[] ys = [.. group.Value.Select(i => plane.Y[i])];
            if (group.Key < 0)
            {
                var outliers = plot.Add.Markers(xs, ys, MarkerShape.Eks, markerSize + 2, Colors.Black);
                outliers.LegendText = $"outliers ({xs.Length})";
            }
            else
            {
                var points = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, markerSize, palette.GetColor(group.Key));
                points.LegendText = $"cluster {group.Key} ({xs.Length})";
            }
        }
        plot.ShowLegend();
        plot.SavePng(path, Width, Height);
    }

    private static Dictionary<int, List<int>> Groups(ReadOnlySpan<int> labels)
    {
        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (!groups.TryGetValue(labels[i], out var members)) groups.Add(labels[i], members = []);
            members.Add(i);
        }
        return groups;
    }
}
