using System.Globalization;
using Cheeger.Clustering.Data;

namespace Cheeger.Benchmarks;

/// <summary>
/// <c>synthetic uniform|clustered N D FILE</c>: writes <see cref="SyntheticData"/>'s points as a CSV the command line
/// reads (features x0 … x(D−1), no label column), so that a CLI run sees exactly the points of the scale suite.
/// </summary>
public static class SyntheticDataWriter
{
    /// <summary>Runs the command; 0 on success, 2 with one line on stderr for bad arguments.</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 4 || !int.TryParse(args[1], out int n) || !int.TryParse(args[2], out int d) || n < 1 || d < 1
            || args[0] is not ("uniform" or "clustered"))
        {
            Console.Error.WriteLine("usage: synthetic uniform|clustered N D FILE (N, D positive integers)");
            return 2;
        }
        Dataset data = args[0] == "uniform" ? SyntheticData.Uniform(n, d) : SyntheticData.Clustered(n, d);
        Write(data, args[3]);
        return 0;
    }

    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>: a header row, then one row per point, round-trip digits.</summary>
    public static void Write(Dataset data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join(',', Enumerable.Range(0, data.Dimension).Select(j => $"x{j}")));
        for (int i = 0; i < data.Count; i++)
        {
            ReadOnlySpan<double> row = data.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                if (j > 0) writer.Write(',');
                writer.Write(row[j].ToString("R", CultureInfo.InvariantCulture));
            }
            writer.WriteLine();
        }
    }
}
