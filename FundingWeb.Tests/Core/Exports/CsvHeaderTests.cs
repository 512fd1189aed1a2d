using FundingWeb.Core.Exports;
using Xunit;

namespace FundingWeb.Tests.Core.Exports;

[Trait("Category", "Fast")]
public class CsvHeaderTests
{
    private static readonly long T0 = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Header values a venue name, a market label or a URL value could carry into an export.</summary>
    public static TheoryData<string> HostileValues => new()
    {
        "X,=HYPERLINK(\"http://evil.example\",\"click\")", "X, =1+1", "X,+1", "X,-1+1", "X,@SUM(A1)", "X;=1+1", "X; @cmd",
        "X,\"=1+1\"", "X,  \"=1+1\"", "X,\t=1+1", "X\t=1+1", "X\r\n=1+1,y", "X\n,=1+1", "X\r=1+1", "X,,=1", "a\"b,=c",
        "=1+1", "X,\u0000=1", ",=1",
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Header_HostileValueInAnyField_NoCellAStartsWithAFormulaForAnySeparator(string value)
    {
        var csv = ChartCsv.Create(new CsvHeader(value, value, "apr", "percent", value), [new ChartCsvSeries("s", [(T0, 1d)])]);
        var lines = csv.Split("\r\n");

        // Still five comment lines (none split into a data row), then the columns.
        Assert.All(lines.Take(5), l => Assert.StartsWith("# ", l));
        Assert.Equal("time_utc,series,value,basis,unit", lines[5]);
        foreach (var line in lines.Take(5))
        {
            foreach (var separator in new[] { ',', ';', '\t' })
            {
                Assert.All(SpreadsheetCells(line, separator), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', $"'{cell}' in '{line}'"));
            }
        }
    }

    [Fact]
    public void Header_PlainValues_Unchanged()
    {
        var csv = ChartCsv.Create(new CsvHeader("Hyperliquid; dYdX v4", "BTC (Hyperliquid: BTC; dYdX v4: BTC-USD)", "apr", "percent", "2025-01-01 00:00 → 2025-01-08 00:00 UTC"), []);

        Assert.StartsWith(
            "# venue: Hyperliquid; dYdX v4\r\n# market: BTC (Hyperliquid: BTC; dYdX v4: BTC-USD)\r\n# basis: apr\r\n# unit: percent\r\n" +
            "# range: 2025-01-01 00:00 → 2025-01-08 00:00 UTC\r\n", csv);
    }

    [Fact]
    public void Header_FormulaAfterASeparator_DefusedWithALeadingQuoteAndTheTextKept()
    {
        var csv = ChartCsv.Create(new CsvHeader("v", "X,=HYPERLINK(\"http://evil.example\")", "apr", "percent"), []);

        Assert.Contains("# market: X,'=HYPERLINK(\"http://evil.example\")\r\n", csv);
    }

    /// <summary>Cells as a lenient spreadsheet import reads a line: split at the separator, leading spaces dropped, one level of quotes removed.</summary>
    private static IEnumerable<string> SpreadsheetCells(string line, char separator)
    {
        var cells = new List<string>();
        var i = 0;
        while (i <= line.Length)
        {
            while (i < line.Length && line[i] == ' ') i++;
            var cell = new System.Text.StringBuilder();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length && !(line[i] == '"' && (i + 1 == line.Length || line[i + 1] != '"'))) { if (line[i] == '"') i++; cell.Append(line[i++]); }
                i++;
                while (i < line.Length && line[i] != separator) cell.Append(line[i++]);
            }
            else
            {
                while (i < line.Length && line[i] != separator) cell.Append(line[i++]);
            }
            cells.Add(cell.ToString().TrimStart(' '));
            i++;
        }
        return cells;
    }
}
