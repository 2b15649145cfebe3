using System.Globalization;
using Sylvan.Data.Csv;

namespace Cheeger.Clustering.Data;

/// <summary>
/// Reads the CSV format of the command-line contract: a header row, numeric feature columns, and an optional
/// column named <c>label</c> holding the ground-truth class (any text; never used as a feature).
/// Every problem is reported as one <see cref="ClusteringInputException"/> naming the row and column.
/// </summary>
public static class CsvDatasetReader
{
    /// <summary>The name of the ground-truth column.</summary>
    public const string LabelColumn = "label";

    /// <summary>Loads a CSV file.</summary>
    public static Dataset Load(string path)
    {
        if (!File.Exists(path)) throw new ClusteringInputException($"Input file '{path}' does not exist.");
        using var text = new StreamReader(path);
        return Read(text, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads CSV text.</summary>
    public static Dataset Read(TextReader text, string name = "data")
    {
        var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' };
        using var csv = CsvDataReader.Create(text, options);

        int columns = csv.FieldCount;
        if (columns == 0 || (columns == 1 && string.IsNullOrWhiteSpace(csv.GetName(0))))
            throw new ClusteringInputException($"'{name}' is empty: expected a header row and at least one data row.");

        int labelIndex = -1;
        var features = new List<(int Column, string Name)>();
        for (int c = 0; c < columns; c++)
        {
            string header = csv.GetName(c).Trim();
            if (string.Equals(header, LabelColumn, StringComparison.OrdinalIgnoreCase))
            {
                if (labelIndex >= 0) throw new ClusteringInputException($"'{name}' has more than one '{LabelColumn}' column.");
                labelIndex = c;
            }
            else
            {
                features.Add((c, header.Length == 0 ? $"column {c + 1}" : header));
            }
        }
        if (features.Count == 0)
            throw new ClusteringInputException($"'{name}' has no feature columns (only '{LabelColumn}').");

        int d = features.Count;
        var points = new List<double>();
        var classes = labelIndex >= 0 ? new List<int>() : null;
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var classNames = new List<string>();
        int row = 0;
        while (csv.Read())
        {
            row++;
            int line = row + 1; // the header is line 1
            int fields = csv.RowFieldCount;
            if (fields == 1 && columns > 1 && string.IsNullOrWhiteSpace(csv.GetString(0)))
            {
                row--; // a blank line
                continue;
            }
            if (fields != columns)
                throw new ClusteringInputException($"Line {line}: {fields} fields, but the header has {columns}.");
            foreach (var (column, featureName) in features)
            {
                string cell = csv.GetString(column);
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new ClusteringInputException($"Line {line}, column '{featureName}': '{cell}' is not a number.");
                if (!double.IsFinite(value))
                    throw new ClusteringInputException($"Line {line}, column '{featureName}': '{cell}' is not a finite number.");
                points.Add(value);
            }
            if (classes is not null)
            {
                string label = csv.GetString(labelIndex).Trim();
                if (!classIndex.TryGetValue(label, out int c))
                {
                    c = classNames.Count;
                    classIndex.Add(label, c);
                    classNames.Add(label);
                }
                classes.Add(c);
            }
        }
        if (row == 0) throw new ClusteringInputException($"'{name}' has a header but no data rows.");

        return new Dataset(points.ToArray(), row, d, classes?.ToArray(), classes is null ? null : classNames,
            features.Select(f => f.Name).ToArray(), name);
    }
}
