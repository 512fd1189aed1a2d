namespace FundingWeb.Core.Exports;

/// <summary>
/// Writes RFC 4180 rows (CRLF line ends) cell by cell. Text, numbers and times go through <see cref="CsvFormat"/>,
/// so the culture of the thread never shows in the output.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private bool _rowStarted;

    public CsvWriter Text(string? value) => Cell(CsvFormat.Text(value));

    public CsvWriter Number(double? value) => Cell(CsvFormat.Number(value));

    public CsvWriter Number(long value) => Cell(CsvFormat.Number(value));

    public CsvWriter Time(long unixMs) => Cell(CsvFormat.Time(unixMs));

    public CsvWriter Empty() => Cell("");

    public void EndRow()
    {
        writer.Write("\r\n");
        _rowStarted = false;
    }

    /// <summary>A row of text cells, e.g. the column names.</summary>
    public void Row(params string?[] cells)
    {
        foreach (var cell in cells) Text(cell);
        EndRow();
    }

    /// <summary>
    /// The header block: one "# key: value" line per entry, above the column row. Readers skip it as comments
    /// (pandas <c>comment='#'</c>); a spreadsheet shows it as the first rows.
    /// </summary>
    /// <summary>
    /// Comment lines above the column row, written raw (never quoted) so every reader's comment skip (`#`) sees them;
    /// line breaks in a value are flattened so a value cannot start a data row.
    /// </summary>
    public void Header(CsvHeader header)
    {
        foreach (var (key, value) in header.Lines())
        {
            writer.Write($"# {key}: {value.Replace('\r', ' ').Replace('\n', ' ')}");
            writer.Write("\r\n");
        }
    }

    private CsvWriter Cell(string formatted)
    {
        if (_rowStarted) writer.Write(',');
        writer.Write(formatted);
        _rowStarted = true;
        return this;
    }
}
