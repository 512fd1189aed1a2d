namespace FundingWeb.Core.Venues.Aevo;

/// <summary>One settlement from <c>GET /funding-history</c>: <c>[instrument_name, timestamp_ns, funding_rate, mark_price]</c>.</summary>
public sealed record AevoFundingRow(string Instrument, long TimeNs, double Rate, double? Mark)
{
    public long TimeMs => AevoTime.NsToMs(TimeNs);
}
