using Xunit;
using System.Globalization;
using FundingWeb.Core.Exports;

namespace FundingWeb.Tests.Core.Exports;

[Trait("Category", "Fast")]
public class CsvFormatTests
{
    [Theory]
    [InlineData(-0.0000125, "-0.0000125")]
    [InlineData(0.0000125, "0.0000125")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0d, "0")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1e-10, "0.0000000001")]
    [InlineData(-2.5e-7, "-0.00000025")]
    [InlineData(1.5e16, "15000000000000000")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Number_Values_InvariantPlainDecimals(double value, string expected) =>
        Assert.Equal(expected, CsvFormat.Number(value));

    [Fact]
    public void Number_NegativeRate_RoundTripsAsANumber()
    {
        var text = CsvFormat.Number(-0.0000125);
        Assert.False(text.StartsWith('\''));
        Assert.False(text.StartsWith('"'));
        Assert.Equal(-0.0000125, double.Parse(text, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(null)]
    public void Number_NotFinite_Empty(double? value) => Assert.Equal("", CsvFormat.Number(value));

    [Theory]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+SUM(A1)", "\"'+SUM(A1)\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"a\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"")]
    [InlineData("-0.0000125", "\"'-0.0000125\"")]
    public void Text_FormulaLike_PrefixedAndQuoted(string value, string expected) =>
        Assert.Equal(expected, CsvFormat.Text(value));

    [Theory]
    [InlineData("Hyperliquid", "Hyperliquid")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("line1\r\nline2", "\"line1\r\nline2\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("% APR", "% APR")]
    public void Text_Rfc4180_QuotesOnlyWhenNeeded(string? value, string expected) =>
        Assert.Equal(expected, CsvFormat.Text(value));

    [Fact]
    public void Time_UnixMs_UtcIso8601()
    {
        var ms = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal("2025-01-02T03:04:05.678Z", CsvFormat.Time(ms));
    }

    // InvariantGlobalization is on, so no named culture can be created; a hand-made culture with a comma decimal
    // separator, another minus sign and other digit grouping stands in for de-DE on the formatting path.
    [Fact]
    public void Formatting_UnderCommaDecimalCulture_StaysInvariant()
    {
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        german.NumberFormat.NegativeSign = "\u2212";
        german.DateTimeFormat.DateSeparator = ".";
        german.DateTimeFormat.TimeSeparator = "-";
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = german;
            CultureInfo.CurrentUICulture = german;
            Assert.Equal("\u22121,5", (-1.5).ToString(CultureInfo.CurrentCulture)); // the culture really is different
            Assert.Equal("-1.5", CsvFormat.Number(-1.5));
            Assert.Equal("-0.0000125", CsvFormat.Number(-0.0000125));
            Assert.Equal("1234567.25", CsvFormat.Number(1234567.25));
            Assert.Equal("-42", CsvFormat.Number(-42L));
            Assert.Equal("2025-01-02T03:04:05.000Z", CsvFormat.Time(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds()));
            var csv = ChartCsv.Create(new CsvHeader("dYdX", "BTC", "apr", "percent"), [new ChartCsvSeries("dYdX settled", [(0L, -12.345)])]);
            Assert.Contains("1970-01-01T00:00:00.000Z,dYdX settled,-12.345,apr,percent\r\n", csv);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
