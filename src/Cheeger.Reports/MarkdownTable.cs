using System.Text;

namespace Cheeger.Reports;

/// <summary>A GitHub markdown table: a header row and rows of cells.</summary>
public sealed class MarkdownTable(params string[] header)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; it must have a cell per header column.</summary>
    public MarkdownTable Add(params string[] cells)
    {
        if (cells.Length != header.Length)
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {header.Length} columns.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>The table as markdown lines, ending in a line break.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin("", header.Select(_ => "---|")).AppendLine();
        foreach (var row in _rows) text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        return text.ToString();
    }
}
