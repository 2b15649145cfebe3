using System.Globalization;

namespace Cheeger.Clustering.Data;

/// <summary>Writes cluster labels in the contract's format: a header <c>cluster</c>, one row per input row.</summary>
public static class LabelsWriter
{
    /// <summary>Writes <paramref name="labels"/> (−1 = outlier) to <paramref name="path"/>.</summary>
    public static void Write(string path, ReadOnlySpan<int> labels)
    {
        using var writer = new StreamWriter(path);
        writer.NewLine = "\n";
        writer.WriteLine("cluster");
        foreach (int label in labels) writer.WriteLine(label.ToString(CultureInfo.InvariantCulture));
    }
}
