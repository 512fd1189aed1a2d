using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;

namespace FundingWeb.Tests.Components.Pages;

/// <summary>
/// Three venues listing BTC (Hyperliquid with public positions, dYdX, GMX with long/short OI), eight days of hourly
/// history in a real SQLite file (settled funding, quotes of the last day, hourly OI, two implausible dYdX quotes), and
/// live snapshots a test moves: newer quotes, a new price, a new OI for one venue.
/// </summary>
public sealed class ChartPageWorld : IDisposable
{
    public const long HourMs = 3_600_000;
    public const string ImplausibleReason = "|5 %| per hour is beyond the venue's cap of 0.75 % per hour (test)";

    public static readonly VenueInfo Hyperliquid = new("hyperliquid", "Hyperliquid", "L1 appchain", TimeSpan.Zero, 0.00045, true);
    public static readonly VenueInfo Dydx = new("dydx", "dYdX v4", "appchain", TimeSpan.Zero, 0.0005, true);
    public static readonly VenueInfo Gmx = new("gmx", "GMX v2", "rollup", TimeSpan.FromDays(7), 0.0006, true);

    private static readonly Market HyperliquidBtc = new("hyperliquid", "BTC", "BTC", 1, 40, 0.0125);
    private static readonly Market DydxBtc = new("dydx", "BTC-USD", "BTC", 1, 20, 0.03);
    private static readonly Market GmxBtc = new("gmx", "BTC/USD [BTC-USDC]", "BTC", 1, 100, 0.01);

    public ChartPageWorld(DateTimeOffset now)
    {
        NowMs = now.ToUnixTimeMilliseconds();
    }

    public TempDatabase Database { get; } = new();

    public long NowMs { get; }

    /// <summary>The hours of history seeded, ending at the hour before now.</summary>
    public int Days { get; init; } = 8;

    public async Task SeedAsync()
    {
        var repository = new MarketDataRepository(Database.Factory);
        foreach (var (venue, market) in Venues())
        {
            await repository.UpsertPollAsync(venue, new VenuePoll(NowMs, [market], [], [], [], [], []), [], VenueStatus.Unknown(venue.Id), default);
            var rates = new List<FundingRate>();
            var oi = new List<OpenInterestObservation>();
            var lastHour = NowMs / HourMs * HourMs;
            for (var t = lastHour - Days * 24 * HourMs; t < lastHour; t += HourMs)
            {
                var k = (t - lastHour) / HourMs;
                rates.Add(Rate(market, t, FundingKind.Settled, Rate1h(venue.Id, k)));
                if (t >= lastHour - 24 * HourMs) rates.Add(Rate(market, t + 30 * 60_000, FundingKind.Quoted, Rate1h(venue.Id, k) * 1.1));
                var usd = Usd(venue.Id) * (1 + 0.001 * k);
                oi.Add(new OpenInterestObservation(market.Symbol, t, usd / 90_000, usd, venue == Gmx ? usd * 0.55 : null, venue == Gmx ? usd * 0.45 : null));
            }
            if (venue == Dydx)
            {
                rates.Add(Rate(market, NowMs - 3 * HourMs, FundingKind.Quoted, 0.05) with { Implausible = ImplausibleReason });
                rates.Add(Rate(market, NowMs - 2 * HourMs, FundingKind.Quoted, 0.05) with { Implausible = ImplausibleReason });
            }
            await repository.InsertHistoryAsync(venue, rates, oi, default);
        }
    }

    /// <summary>
    /// The live state: every venue quoting at <paramref name="quoteMs"/> (now when not given), BTC at
    /// <paramref name="price"/>, dYdX's open interest scaled by <paramref name="dydxOiScale"/>.
    /// </summary>
    /// <param name="gmxLongShare">GMX's long share of its open interest (the only venue that publishes sides).</param>
    /// <param name="farLongUsd">A further Hyperliquid long of this notional at 0.702 × price: in the ladder's outermost long
    /// bin, so it changes that one bin and no other (the ladder is cumulative from the price outward).</param>
    public MarketSnapshot Snapshot(long? quoteMs = null, double price = 90_000, double dydxOiScale = 1, long version = 1, double gmxLongShare = 0.55,
        double farLongUsd = 0)
    {
        var at = quoteMs ?? NowMs;
        var venues = ImmutableSortedDictionary.CreateBuilder<string, VenueSnapshot>();
        foreach (var (venue, market) in Venues())
        {
            var usd = Usd(venue.Id) * (venue == Dydx ? dydxOiScale : 1);
            var leg = venue == Gmx ? FundingLeg.Long : FundingLeg.Net;
            var rate = Rate1h(venue.Id, 0) * (1 + (at - NowMs) / 1e9);
            var quote = new MarketQuote(market, [new FundingQuote(leg, rate, rate, 1, RateUnit.Fraction, at, at, "test")], price, price,
                usd / price, usd, venue == Gmx ? usd * gmxLongShare : null, venue == Gmx ? usd * (1 - gmxLongShare) : null, at);
            var positions = venue == Hyperliquid
                ? ImmutableArray.Create(
                    new PositionLiquidation(market.Symbol, LiquidationSide.Long, price * 0.9, 40e6),
                    new PositionLiquidation(market.Symbol, LiquidationSide.Long, price * 0.8, 25e6),
                    new PositionLiquidation(market.Symbol, LiquidationSide.Short, price * 1.15, 30e6))
                : [];
            if (venue == Hyperliquid && farLongUsd > 0) positions = positions.Add(new PositionLiquidation(market.Symbol, LiquidationSide.Long, price * 0.702, farLongUsd));
            venues[venue.Id] = new VenueSnapshot(venue, Fresh(venue.Id, at), ImmutableDictionary<string, MarketQuote>.Empty.Add(market.Symbol, quote), [], positions, []);
        }
        return new MarketSnapshot(version, at, true, venues.ToImmutable());
    }

    public static string QuotedKey(VenueInfo venue) => venue.Id + ":quoted";

    private static IEnumerable<(VenueInfo Venue, Market Market)> Venues() => [(Hyperliquid, HyperliquidBtc), (Dydx, DydxBtc), (Gmx, GmxBtc)];

    private static double Rate1h(string venue, long hour) => venue switch
    {
        "hyperliquid" => 0.0000125 + 0.000004 * Math.Sin(hour / 5.0),
        "dydx" => 0.00001 - 0.000006 * Math.Cos(hour / 7.0),
        _ => -0.000005 + 0.000003 * Math.Sin(hour / 3.0),
    };

    private static double Usd(string venue) => venue switch { "hyperliquid" => 2.0e9, "dydx" => 1.2e9, _ => 0.4e9 };

    private static FundingRate Rate(Market market, long timeMs, FundingKind kind, double rate1h) =>
        FundingNormalizer.Normalize(market.Venue, new RawFundingRate(market.Symbol, timeMs, kind, rate1h, 1, RateUnit.Fraction,
            market.Venue == "gmx" ? FundingLeg.Long : FundingLeg.Net));

    private static VenueStatus Fresh(string venue, long atMs) => new(venue, atMs, null, null, null, null, 120, 0, 10, 0);

    public void Dispose() => Database.Dispose();
}
