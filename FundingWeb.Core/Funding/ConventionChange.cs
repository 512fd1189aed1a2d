using System.Globalization;

namespace FundingWeb.Core.Funding;

/// <summary>A market's funding interval or unit changed between two reads.</summary>
public sealed record ConventionChange(string Venue, string Symbol, long TimeMs, string Field, string OldValue, string NewValue)
{
    public const string IntervalField = "interval_hours";
    public const string UnitField = "unit";

    public string Describe() => Field == IntervalField
        ? $"{Symbol}: funding interval {OldValue} h → {NewValue} h"
        : $"{Symbol}: rate unit {OldValue} → {NewValue}";

    public static string Hours(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
