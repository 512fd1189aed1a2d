using System.Text.Json;
using FundingWeb.Core.Venues.Lighter;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Lighter;

/// <summary>
/// The margin family Lighter's orderBookDetails sends, read by one rule: integer text is basis points, decimal text is
/// percent, whatever the JSON kind; a pair that is not 0 &lt; maintenance &lt; initial ≤ 1 with at most 200× keeps the
/// documented defaults and says why. Never a silent 10,000×.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LighterMarginsTests
{
    public static TheoryData<string, string, double?, double?> Cases => new()
    {
        // case, the two fields as JSON, expected maintenance, expected max leverage (null, null = defaults with a note)
        { "basis-point integers (older answers)", """{"maintenance_margin_fraction":120,"min_initial_margin_fraction":200}""", 0.012, 50 },
        { "percent strings (newer answers)", """{"maintenance_margin_fraction":"1.20","min_initial_margin_fraction":"2.00"}""", 0.012, 50 },
        { "percent strings below 1 %", """{"maintenance_margin_fraction":"0.50","min_initial_margin_fraction":"1.00"}""", 0.005, 100 },
        { "basis points as integer strings", """{"maintenance_margin_fraction":"120","min_initial_margin_fraction":"200"}""", 0.012, 50 },
        { "percent as decimal JSON numbers", """{"maintenance_margin_fraction":2.5,"min_initial_margin_fraction":5.00}""", 0.025, 20 },
        { "one field per shape", """{"maintenance_margin_fraction":"3.00","min_initial_margin_fraction":1000}""", 0.03, 10 },
        { "zero", """{"maintenance_margin_fraction":"0","min_initial_margin_fraction":200}""", null, null },
        { "zero as percent", """{"maintenance_margin_fraction":"1.20","min_initial_margin_fraction":"0.00"}""", null, null },
        { "empty string", """{"maintenance_margin_fraction":"","min_initial_margin_fraction":200}""", null, null },
        { "whitespace", """{"maintenance_margin_fraction":"1.20","min_initial_margin_fraction":"  "}""", null, null },
        { "negative", """{"maintenance_margin_fraction":-120,"min_initial_margin_fraction":200}""", null, null },
        { "not a number", """{"maintenance_margin_fraction":"abc","min_initial_margin_fraction":200}""", null, null },
        { "boolean", """{"maintenance_margin_fraction":true,"min_initial_margin_fraction":200}""", null, null },
        { "null", """{"maintenance_margin_fraction":null,"min_initial_margin_fraction":200}""", null, null },
        { "missing maintenance", """{"min_initial_margin_fraction":200}""", null, null },
        { "missing initial", """{"maintenance_margin_fraction":120}""", null, null },
        { "both missing", """{}""", null, null },
        { "more than 100 % (percent)", """{"maintenance_margin_fraction":"1.20","min_initial_margin_fraction":"150.00"}""", null, null },
        { "more than 100 % (basis points)", """{"maintenance_margin_fraction":120,"min_initial_margin_fraction":20000}""", null, null },
        { "maintenance equal to initial", """{"maintenance_margin_fraction":200,"min_initial_margin_fraction":200}""", null, null },
        { "maintenance above initial", """{"maintenance_margin_fraction":"5.00","min_initial_margin_fraction":"2.00"}""", null, null },
        { "percent string read as basis points would be 2,000×", """{"maintenance_margin_fraction":"0.02","min_initial_margin_fraction":"0.05"}""", null, null },
        { "basis points beyond 200×", """{"maintenance_margin_fraction":20,"min_initial_margin_fraction":40}""", null, null },
        { "exactly 100 % initial, 1×", """{"maintenance_margin_fraction":"50.00","min_initial_margin_fraction":"100.00"}""", 0.5, 1 },
        { "huge number", """{"maintenance_margin_fraction":1e300,"min_initial_margin_fraction":200}""", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_MarginShapeFamily_GivesPlausibleFractionOrDefaultsWithReason(string scenario, string json, double? maintenance, double? leverage)
    {
        using var doc = JsonDocument.Parse(json);

        var reading = LighterMargins.Read(doc.RootElement);

        Assert.True(reading.MaintenanceMargin > 0 && reading.MaintenanceMargin < 1 / reading.MaxLeverage, scenario);
        Assert.InRange(reading.MaxLeverage, 1, LighterMargins.MaxPlausibleLeverage);
        if (maintenance is null)
        {
            Assert.Equal(LighterMargins.DefaultMaintenanceMargin, reading.MaintenanceMargin);
            Assert.Equal(LighterMargins.DefaultMaxLeverage, reading.MaxLeverage);
            Assert.StartsWith("margins: ", reading.Note);
            Assert.Contains("documented default", reading.Note);
        }
        else
        {
            Assert.Null(reading.Note);
            Assert.Equal(maintenance.Value, reading.MaintenanceMargin, 12);
            Assert.Equal(leverage!.Value, reading.MaxLeverage, 9);
        }
    }
}
