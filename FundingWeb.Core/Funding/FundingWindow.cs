namespace FundingWeb.Core.Funding;

/// <summary>A look-back window ending at a given time, e.g. ("24h", 24).</summary>
public sealed record FundingWindow(string Label, double Hours)
{
    public long Milliseconds => (long)Math.Round(Hours * 3_600_000d);
}
