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
    /// <param name="text">The CSV text.</param>
    /// <param name="name">A short name for messages and reports.</param>
    /// <param name="memoryLimitBytes">
    /// The most memory the values may take while they are read; null: what this process may use
    /// (<see cref="MemoryBudget.AvailableBytes"/>). A file that needs more is refused naming the line and the bytes.
    /// </param>
    public static Dataset Read(TextReader text, string name = "data", long? memoryLimitBytes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = new LinePosition();
        // The parser's own exceptions become the one input error, with the line it stopped at.
        try
        {
            return ReadRows(text, name, memoryLimitBytes ?? MemoryBudget.AvailableBytes, position);
        }
        catch (CsvMissingHeadersException)
        {
            throw new ClusteringInputException($"'{name}' is empty: expected a header row and at least one data row.");
        }
        catch (CsvRecordTooLargeException)
        {
            throw new ClusteringInputException(
                $"'{name}', line {position.Line}: the row is longer than {MaxRowCharacters / (1 << 20)} Mi characters, the most one row may hold.");
        }
        catch (CsvFormatException e) // an invalid character among others
        {
            throw new ClusteringInputException($"'{name}', line {position.Line}: malformed CSV ({e.Message})");
        }
    }

    // The longest row the parser buffers (characters); wide data sets (thousands of features) fit easily.
    private const int MaxRowCharacters = 64 << 20;

    private sealed class LinePosition
    {
        public int Line { get; set; } = 1;
    }

    private static Dataset ReadRows(TextReader text, string name, long memoryLimitBytes, LinePosition position)
    {
        var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', MaxBufferSize = MaxRowCharacters };
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
        int row = 0, line = 1; // data rows read; the line of the file (the header is line 1)
        while (ReadNext(csv, position, line + 1))
        {
            line++;
            int fields = csv.RowFieldCount;
            if (fields == 1 && string.IsNullOrWhiteSpace(csv.GetString(0))) continue; // a blank line
            row++;
            if (fields != columns)
                throw new ClusteringInputException($"Line {line}: {fields} fields, but the header has {columns}.");
            if (points.Count + d > points.Capacity) Reserve(points, d, line, name, memoryLimitBytes);
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
        // The list and its exact copy are alive together for a moment.
        MemoryBudget.Require(8.0 * (points.Capacity + points.Count), $"Reading '{name}' ({row} rows of {d} features)", memoryLimitBytes);

        return new Dataset(points.ToArray(), row, d, classes?.ToArray(), classes is null ? null : classNames,
            features.Select(f => f.Name).ToArray(), name);
    }

    // Reads the next row, keeping the line number of the row being read for the parser's errors.
    private static bool ReadNext(CsvDataReader csv, LinePosition position, int line)
    {
        position.Line = line;
        return csv.Read();
    }

    // Grows the value list by doubling, after checking that the new array fits .NET's array limit and that the
    // old and the new array (alive together while the values are copied) fit the memory limit.
    private static void Reserve(List<double> points, int d, int line, string name, long memoryLimitBytes)
    {
        long needed = (long)points.Count + d;
        string purpose = $"Reading '{name}' (line {line}, {d} features per row)";
        MemoryBudget.RequireArrayLength(needed, $"{purpose}: the values");
        long capacity = Math.Min(Math.Max(needed, Math.Max(2L * points.Capacity, 256)), Array.MaxLength);
        MemoryBudget.Require(8.0 * (points.Capacity + capacity), purpose, memoryLimitBytes);
        points.Capacity = (int)capacity;
    }
}
