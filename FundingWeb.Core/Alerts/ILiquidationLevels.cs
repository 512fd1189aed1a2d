using FundingWeb.Core.Live;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// The liquidation levels of one market for ladder-proximity rules. Kept behind an interface so the evaluator stays a
/// pure function of the snapshot: the app can combine measured positions with a modelled ladder it keeps elsewhere.
/// </summary>
public interface ILiquidationLevels
{
    IEnumerable<LadderEntry> For(VenueSnapshot venue, MarketQuote market);
}

/// <summary>Measured levels only: the public positions the venue exposes in <see cref="VenueSnapshot.Positions"/>.</summary>
public sealed class MeasuredLiquidationLevels : ILiquidationLevels
{
    public static MeasuredLiquidationLevels Instance { get; } = new();

    public IEnumerable<LadderEntry> For(VenueSnapshot venue, MarketQuote market) =>
        venue.Positions.Where(p => p.Symbol == market.Market.Symbol).Select(LadderEntry.From);
}

/// <summary>Levels from a delegate, e.g. measured positions plus modelled lots the app refreshes in the background.</summary>
public sealed class DelegateLiquidationLevels(Func<VenueSnapshot, MarketQuote, IEnumerable<LadderEntry>> levels) : ILiquidationLevels
{
    public IEnumerable<LadderEntry> For(VenueSnapshot venue, MarketQuote market) => levels(venue, market);
}
