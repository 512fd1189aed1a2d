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
    /// The header block: one "# key: value" line per entry, above the column row, written raw (never quoted) so every
    /// reader's comment skip sees them (pandas <c>comment='#'</c>); a spreadsheet shows them as the first rows, so each
    /// value is defused like a text cell (<see cref="CsvFormat.HeaderValue"/>).
    /// </summary>
    public void Header(CsvHeader header)
    {
        foreach (var (key, value) in header.Lines())
        {
            writer.Write($"# {key}: {CsvFormat.HeaderValue(value)}");
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
