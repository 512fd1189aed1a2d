using FundingWeb.Model;

namespace FundingWeb.Components.Controls;

/// <summary>
/// One asset's line in the Spreads grid, kept across ticks. The grid keys its rows by item: a new (value-equal) record
/// per tick would be a new key, so every row would be torn down and re-sent whole; the same line with its row swapped
/// in keeps the row and re-sends only the cells whose text moved.
/// </summary>
public sealed class SpreadGridLine(SpreadRow row)
{
    public SpreadRow Row { get; internal set; } = row;

    public string Asset => Row.Asset;
    public string ShortVenueName => Row.ShortVenueName;
    public string LongVenueName => Row.LongVenueName;
    public double HighApr => Row.HighApr;
    public double LowApr => Row.LowApr;
    public double SpreadApr => Row.SpreadApr;
    public double NetApr => Row.NetApr;
    public double? BreakEvenHours => Row.BreakEvenHours;
    public double? HeldHours => Row.HeldHours;
    public double? NetAfterSlippageApr => Row.NetAfterSlippageApr;
    public double? BreakEvenWithSlippageHours => Row.BreakEvenWithSlippageHours;
}
