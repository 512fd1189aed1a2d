using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;

namespace FundingWeb.Tests.Core.Alerts;

/// <summary>A scripted market: set rates, open interest, prices, positions and staleness, then take a snapshot.</summary>
internal sealed class AlertWorld
{
    private readonly Dictionary<string, VenueSnapshot> _venues = new(StringComparer.Ordinal);
    private long _version;

    public static double Apr(double apr) => apr / FundingBasis.HoursPerYear;

    public AlertWorld Rate(string venue, string asset, double rate1h) =>
        Update(venue, asset, q => q with { Legs = [new FundingQuote(FundingLeg.Net, rate1h, rate1h, 1, RateUnit.Fraction, 0, 0, "test")] });

    public AlertWorld OpenInterest(string venue, string asset, double usd) => Update(venue, asset, q => q with { OpenInterestUsd = usd });

    public AlertWorld Price(string venue, string asset, double price) => Update(venue, asset, q => q with { Mark = price });

    public AlertWorld Positions(string venue, string asset, params (LiquidationSide Side, double Price, double Usd)[] positions)
    {
        Update(venue, asset, q => q);
        _venues[venue] = _venues[venue] with
        {
            Positions = [.. positions.Select(p => new PositionLiquidation(asset + "-USD", p.Side, p.Price, p.Usd))],
        };
        return this;
    }

    public AlertWorld Stale(string venue, long? sinceMs, string reason = "timeout")
    {
        var v = VenueOf(venue);
        _venues[venue] = v with { Status = v.Status with { StaleSinceMs = sinceMs, StaleReason = sinceMs is null ? null : reason } };
        return this;
    }

    public MarketSnapshot Snapshot() =>
        new(++_version, 0, true, _venues.ToImmutableSortedDictionary(StringComparer.Ordinal));

    private AlertWorld Update(string venue, string asset, Func<MarketQuote, MarketQuote> change)
    {
        var v = VenueOf(venue);
        var symbol = asset + "-USD";
        var quote = v.Markets.GetValueOrDefault(symbol)
            ?? new MarketQuote(new Market(venue, symbol, asset, 1, 50, 0.01), [], 100, 100, null, null, null, null, 0);
        _venues[venue] = v with { Markets = v.Markets.SetItem(symbol, change(quote)) };
        return this;
    }

    private VenueSnapshot VenueOf(string venue) =>
        _venues.GetValueOrDefault(venue) ?? VenueSnapshot.Empty(new VenueInfo(venue, venue, "test", TimeSpan.FromHours(2), 0.0005, true)) with
        {
            Status = new VenueStatus(venue, 0, null, null, null, null, 10, 0, 1, 0),
        };
}
