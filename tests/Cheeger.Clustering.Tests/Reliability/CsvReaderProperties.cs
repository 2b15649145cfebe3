using System.Globalization;
using Cheeger.Clustering.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cheeger.Clustering.Tests.Reliability;

/// <summary>
/// Property tests of the CSV reader: any text gives a data set or a <see cref="ClusteringInputException"/>, never
/// another exception; a well-formed table of finite numbers is read back exactly.
/// </summary>
public sealed class CsvReaderProperties
{
    /// <summary>Text made of the pieces CSV files (and broken ones) are made of.</summary>
    public static Arbitrary<string> CsvLikeText()
    {
        string[] pieces =
        [
            ",", ",", "\n", "\n", "\r\n", "\"", " ", "1", "2.5", "-3", "1e5", "1e400", ".", "-", "e", "NaN", "Infinity",
            "-Infinity", "∞", "abc", "label", "x", "y", "\t", ";", "\"\"", "0x1F", "1,5", "\0", "\u00A0", "١",
        ];
        return Gen.Elements(pieces).ListOf().Select(list => string.Concat(list)).ToArbitrary();
    }

    /// <summary>A table: rows × features of finite doubles (header included), with or without a label column.</summary>
    public static Arbitrary<(string Text, double[] Values, int Rows, int Features)> WellFormedTable()
    {
        var value = Gen.OneOf(
            Gen.Choose(-1000, 1000).Select(i => (double)i),
            Gen.Choose(-1000, 1000).Select(i => i / 7.0),
            ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite));
        return (from rows in Gen.Choose(1, 30)
                from features in Gen.Choose(1, 6)
                from withLabel in ArbMap.Default.GeneratorFor<bool>()
                from values in value.ArrayOf(rows * features)
                select (Table(values, rows, features, withLabel), values, rows, features)).ToArbitrary();
    }

    private static string Table(double[] values, int rows, int features, bool withLabel)
    {
        var lines = new List<string> { string.Join(',', Enumerable.Range(0, features).Select(j => $"f{j}").Concat(withLabel ? ["label"] : [])) };
        for (int i = 0; i < rows; i++)
        {
            var cells = values.Skip(i * features).Take(features).Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            lines.Add(string.Join(',', withLabel ? cells.Append($"c{i % 3}") : cells));
        }
        return string.Join('\n', lines) + "\n";
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(CsvReaderProperties)])]
    public void Any_text_gives_a_data_set_or_one_input_error(string text)
    {
        Dataset data;
        try
        {
            data = CsvDatasetReader.Read(new StringReader(text), "fuzz");
        }
        catch (ClusteringInputException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return;
        }
        Assert.True(data.Count >= 1 && data.Dimension >= 1);
        Assert.All(data.Points.ToArray(), v => Assert.True(double.IsFinite(v)));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(CsvReaderProperties)])]
    public void A_well_formed_table_is_read_back_exactly((string Text, double[] Values, int Rows, int Features) table)
    {
        var data = CsvDatasetReader.Read(new StringReader(table.Text), "table");

        Assert.Equal(table.Rows, data.Count);
        Assert.Equal(table.Features, data.Dimension);
        Assert.Equal(table.Values, data.Points.ToArray());
    }
}
