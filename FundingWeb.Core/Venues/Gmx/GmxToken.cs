namespace FundingWeb.Core.Venues.Gmx;

/// <summary>A token from GMX's <c>/tokens</c>: its decimals are what turns an oracle price into USD.</summary>
public sealed record GmxToken(string Symbol, string Address, int Decimals);
