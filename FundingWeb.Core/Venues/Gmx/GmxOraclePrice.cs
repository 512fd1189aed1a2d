namespace FundingWeb.Core.Venues.Gmx;

/// <summary>
/// One row of <c>/prices/tickers</c>, still raw: GMX writes the USD price of one token *unit* with 30 decimals,
/// so USD per whole token = raw × 10^tokenDecimals / 10^30 (NOTES.md §6.4: ETH 18 dec "2376284700000000" → 2376.2847).
/// </summary>
/// <param name="RawMid">(minPrice + maxPrice) / 2 as written; the two differ only by the oracle spread.</param>
/// <param name="UpdatedAtMs">updatedAt, which older payloads send in ms and the current docs in seconds, as ms.</param>
public sealed record GmxOraclePrice(string TokenAddress, string? TokenSymbol, double RawMid, long? UpdatedAtMs)
{
    public double ToUsd(int tokenDecimals) => RawMid / Math.Pow(10, 30 - tokenDecimals);
}
