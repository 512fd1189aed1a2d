using FundingWeb.Core.Carry;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// What the carry results show for a loaded position at one snapshot: the estimate (null with <see cref="Unavailable"/>
/// when the market has no usable price) and the facts printed beside it. A record of records, so a tick that moves
/// nothing the page prints compares equal and is not rendered.
/// </summary>
/// <param name="Implausible">Why the venue's current quote is left out of the estimate; null when it is used.</param>
/// <param name="OwnDelayHours">The user's exit delay; null when the venue's configured one applies.</param>
public sealed record CarryView(
    CarryEstimate? Estimate,
    string? Unavailable,
    string? Implausible,
    string VenueName,
    string Symbol,
    string RollupKind,
    double VenueDelayHours,
    double? OwnDelayHours,
    double MaintenanceMargin,
    bool QuotesSidesApart,
    LadderKind LevelsKind,
    double StressLookbackDays,
    double ClusterMinUsd)
{
    /// <summary>The venue's exit path and live chain conditions now.</summary>
    public ExitConditions? Exit { get; init; }

    /// <summary>The exit delay the stress row uses unless the user gave their own.</summary>
    public ExitDelayEstimate? ExitDelay { get; init; }

    /// <summary>The loaded market at the snapshot's price and quote (the load's own copy if it has left the feed since).</summary>
    public static CarryView Build(CarryLoad load, MarketSnapshot snapshot, CarryOptions options, long nowMs)
    {
        var venue = snapshot.Venues.GetValueOrDefault(load.Venue.Venue.Id) is { } v && v.Markets.ContainsKey(load.Market.Market.Symbol) ? v : load.Venue;
        var market = venue.Markets.GetValueOrDefault(load.Market.Market.Symbol) ?? load.Market;
        var query = load.Query;
        var view = new CarryView(null, null, null, venue.Venue.Name, market.Market.Symbol, venue.Venue.RollupKind, venue.Venue.WithdrawalDelay.TotalHours,
            query.ExitDelayHours, market.Market.MaintenanceMargin, market.Leg(FundingLeg.Short) is not null, load.LevelsKind,
            options.StressLookback.TotalDays, options.ClusterMinUsd);
        var exit = ExitConditions.Of(venue.Venue, venue.ChainHealthAt(nowMs), venue.ChainLimits, nowMs);
        var exitDelay = ExitDelayEstimate.Of(exit, load.Episodes ?? []);
        view = view with { Exit = exit, ExitDelay = exitDelay };
        if ((market.Mark ?? market.Index) is not { } price || !(price > 0) || !double.IsFinite(price))
        {
            // The calculator needs an entry price; a market without a positive one says so instead of failing the page.
            return view with { Unavailable = $"{venue.Venue.Name} {market.Market.Symbol} has no usable price yet (mark and index missing or not positive)." };
        }
        var quoted = query.Side == PositionSide.Short && market.Leg(FundingLeg.Short) is { } shortLeg ? shortLeg : market.Funding;
        // An implausible quote is shown, never priced in: the estimate then leans on the settled history alone.
        var quote = quoted is { IsPlausible: true } ? quoted : null;
        // The stress row's exit delay: the estimate from the venue's settlement facts and its chain now, unless the user gave
        // their own (a bridge, an OTC desk).
        var info = venue.Venue with { WithdrawalDelay = query.ExitDelayHours is { } delay ? TimeSpan.FromHours(delay) : exitDelay.Delay };
        var carryMarket = new CarryMarket(info, price, market.Market.MaintenanceMargin, quote?.Rate1h, load.History, load.Levels, load.LevelsKind, nowMs);
        return view with
        {
            Estimate = CarryCalculator.Estimate(query.ToPosition(venue.Venue.Id), carryMarket, options),
            Implausible = quoted?.Implausible,
        };
    }
}
