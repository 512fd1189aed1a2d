namespace FundingWeb.Core.Venues;

public enum MarketStatus
{
    Active,
    Paused,
    Delisted,
}
