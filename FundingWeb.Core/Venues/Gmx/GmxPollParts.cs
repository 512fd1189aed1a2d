using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;

namespace FundingWeb.Core.Venues.Gmx;

/// <summary>What <see cref="GmxParser.ParseMarketsInfo"/> read from one <c>/markets/info</c> body.</summary>
public sealed class GmxPollParts
{
    public List<Market> Markets { get; } = [];
    public List<RawFundingRate> Funding { get; } = [];
    public List<OpenInterestObservation> OpenInterest { get; } = [];
    public List<PriceObservation> Prices { get; } = [];
    public List<MarketError> Errors { get; } = [];

    /// <summary>The newest oracle update among the prices used.</summary>
    public long? DataTimeMs { get; set; }
}
