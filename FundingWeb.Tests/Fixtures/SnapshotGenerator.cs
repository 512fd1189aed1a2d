using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Model;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// Seeded random live snapshots and history of the shapes real venues hand us, good and bad: venues with no markets
/// or only unreadable ones, zero and null open interest, null and non-positive prices, delisted and paused markets,
/// markets with no funding legs or only GMX's long/short legs, huge, tiny and non-finite numbers, rates up to
/// |1e3| per hour and beyond, one asset on several venues under different cases, and odd asset names. The same seed
/// gives the same world, so a failure names its seed and replays.
/// </summary>
public sealed class SnapshotGenerator(int seed)
{
    public const long NowMs = 1_796_000_000_000; // 2026-11-30, inside every venue's history

    private readonly Random _random = new(seed);

    /// <summary>Asset names, odd ones included (never containing NaN or Infinity, which the checks look for).</summary>
    private static readonly string[] AssetNames =
    [
        "BTC", "ETH", "SOL", "btc", "Eth", "1000PEPE", "kBONK", "", " ", "A/B?c&d=e#f", "<b>X</b>", "ÉTÉ", "币安", "🚀",
        "VERYLONGASSETNAME_" + new string('Z', 120), "-", "USDC/USD [ETH-USDC]", "'quote\"",
    ];

    public MarketSnapshot Snapshot()
    {
        var venues = ImmutableSortedDictionary.CreateBuilder<string, VenueSnapshot>();
        foreach (var id in VenueIds.All.Concat(["odd-venue"]).Where(_ => _random.NextDouble() < 0.8))
        {
            venues[id] = Venue(id);
        }
        return new MarketSnapshot(_random.Next(1, 1000), Pick(0, NowMs), _random.NextDouble() < 0.5, venues.ToImmutable());
    }

    public VenueSnapshot Venue(string id)
    {
        var info = new VenueInfo(id, id == "odd-venue" ? "Odd <venue>" : id.ToUpperInvariant(), "rollup", TimeSpan.FromHours(Pick(0, 1, 12, 168)),
            Pick(0, 0.0002, 0.0005, 0.001), true);
        var shape = _random.Next(6);
        var markets = ImmutableDictionary.CreateBuilder<string, MarketQuote>();
        var errors = new List<MarketError>();
        if (shape == 0)
        {
            // Every market failed to parse.
            for (var i = 0; i < _random.Next(1, 4); i++) errors.Add(new MarketError($"{id}-BAD{i}", "required field 'openInterest' is missing"));
        }
        else if (shape > 1)
        {
            var count = shape == 2 ? 1 : _random.Next(1, 12);
            for (var i = 0; i < count; i++)
            {
                var quote = Quote(id, i);
                markets[quote.Market.Symbol] = quote;
            }
            if (_random.NextDouble() < 0.3) errors.Add(new MarketError($"{id}-SOME", "unknown status 'HALTED'"));
        }
        var positions = markets.Values.Where(_ => _random.NextDouble() < 0.3)
            .SelectMany(m => Enumerable.Range(0, _random.Next(0, 5)).Select(_ =>
                new PositionLiquidation(m.Market.Symbol, Side(), Price(), Usd() ?? 0)))
            .ToImmutableArray();
        var liquidations = markets.Values.Where(_ => _random.NextDouble() < 0.2)
            .SelectMany(m => Enumerable.Range(0, _random.Next(0, 4)).Select(k =>
                new LiquidationEvent($"{m.Market.Symbol}-{k}", m.Market.Symbol, Time(), Side(), Price(), Pick(0, 1, 1e9), Usd() ?? 0)))
            .ToImmutableArray();
        return new VenueSnapshot(info, Status(id), markets.ToImmutable(), liquidations, positions, [.. errors]);
    }

    /// <summary>Settled and quoted history of one asset across the venues of a snapshot, unordered, with bad rows mixed in.</summary>
    public (IReadOnlyList<FundingPoint> Settled, IReadOnlyList<FundingPoint> Quoted) Funding(MarketSnapshot snapshot)
    {
        var settled = new List<FundingPoint>();
        var quoted = new List<FundingPoint>();
        foreach (var venue in snapshot.Venues.Values)
        {
            foreach (var market in venue.Markets.Values.Take(2))
            {
                var interval = Pick(1d, 8d, 1d, 0d, double.NaN);
                var rows = _random.Next(0, 60);
                var step = (long)(Math.Max(1, double.IsFinite(interval) ? interval : 1) * 3_600_000);
                for (var k = 0; k < rows; k++)
                {
                    var t = NowMs - k * step - _random.Next(0, 1000);
                    settled.Add(new FundingPoint(venue.Venue.Id, market.Market.Symbol, t, Rate(), interval));
                    if (_random.NextDouble() < 0.7) quoted.Add(new FundingPoint(venue.Venue.Id, market.Market.Symbol, t - 1_800_000, Rate(), interval));
                }
            }
        }
        return (Shuffle(settled), Shuffle(quoted));
    }

    /// <summary>Hourly open-interest history of the snapshot's markets, unordered, with bad rows mixed in.</summary>
    public IReadOnlyList<OpenInterestPoint> OpenInterest(MarketSnapshot snapshot)
    {
        var rows = new List<OpenInterestPoint>();
        foreach (var venue in snapshot.Venues.Values)
        {
            foreach (var market in venue.Markets.Values.Take(2))
            {
                for (var k = 0; k < _random.Next(0, 48); k++)
                {
                    var baseOi = Pick(0d, 10d, 1_000d, 1e-300, 1e300, double.NaN, -5d);
                    rows.Add(new OpenInterestPoint(venue.Venue.Id, market.Market.Symbol, NowMs - k * 3_600_000, baseOi, Usd() ?? 0, Usd(), Usd()));
                }
            }
        }
        return Shuffle(rows);
    }

    public IReadOnlyList<LiquidationEvent> Realised(MarketSnapshot snapshot) =>
        snapshot.Venues.Values.SelectMany(v => v.RecentLiquidations).ToList();

    /// <summary>
    /// A view: venue filters naming known, unknown and miscased venues, every basis, slippage windows good and bad,
    /// preset and custom ranges (down to the whole calendar), an asset of the snapshot, an unknown one or none.
    /// </summary>
    public ViewState State(MarketSnapshot snapshot)
    {
        var venues = new HashSet<string>(Pick(0, 0, 1, 1, 2, 3) switch
        {
            0 => [],
            1 => [Pick([.. VenueIds.All, "nope"])],
            2 => [VenueIds.Lighter, VenueIds.Paradex],
            _ => ["nope", "DYDX", Pick([.. VenueIds.All])],
        });
        var range = Pick(0, 1, 2) switch
        {
            0 => Pick([.. TimeRange.Presets]),
            1 => TimeRange.Custom(DateTimeOffset.FromUnixTimeMilliseconds(NowMs - 86_400_000), DateTimeOffset.FromUnixTimeMilliseconds(NowMs)),
            _ => TimeRange.Custom(DateTimeOffset.MinValue, DateTimeOffset.MaxValue),
        };
        var assets = snapshot.Assets;
        var asset = _random.NextDouble() < 0.2 || assets.Count == 0 ? Pick<string?>(null, "NOPE") : Pick([.. assets]);
        return new ViewState(asset, venues, range, Pick(RateBasis.Hourly, RateBasis.EightHour, RateBasis.Apr, RateBasis.AprCompounded),
            Pick<string?>(null, "8h", "24h", "7d", "bogus"), Pick<string?>(null, Pick([.. VenueIds.All]), "nope"));
    }

    public MarketQuote Quote(string venue, int index)
    {
        var asset = Pick(AssetNames);
        var status = Pick(MarketStatus.Active, MarketStatus.Active, MarketStatus.Active, MarketStatus.Paused, MarketStatus.Delisted);
        var market = new Market(venue, $"{asset}-{index}", asset, Pick(1d, 8d, 1d, 0d, double.NaN), Pick(50d, 20d, 0d, 1d, double.NaN, 1e6),
            Pick(0.012, 0.03, 0d, 1d, 1.5, double.NaN, -0.1), status);
        var legs = Pick(0, 1, 1, 1, 2, 3) switch
        {
            0 => ImmutableArray<FundingQuote>.Empty,
            1 => [Leg(FundingLeg.Net)],
            2 => [Leg(FundingLeg.Long), Leg(FundingLeg.Short), Leg(FundingLeg.BorrowLong)],
            _ => [Leg(FundingLeg.BorrowShort)],
        };
        var usd = Usd();
        return new MarketQuote(market, legs, Price(nullable: true), Price(nullable: true), usd is null ? null : Pick(0d, 1d, 1e-9, 1e12),
            usd, _random.NextDouble() < 0.2 ? Usd() : null, _random.NextDouble() < 0.2 ? Usd() : null, Time());
    }

    private FundingQuote Leg(FundingLeg leg)
    {
        var rate = Rate();
        return new FundingQuote(leg, rate, rate * 8, Pick(1d, 8d, 0d, double.NaN), RateUnit.Fraction, Time(), Time(), Pick<string?>(null, "GET /info", "<script>"));
    }

    private VenueStatus Status(string id) => Pick(0, 0, 0, 1, 2) switch
    {
        0 => new VenueStatus(id, NowMs - 1_000, null, null, null, null, Pick(12d, 0d, double.NaN), 0, 10, 0),
        1 => new VenueStatus(id, NowMs - 90_000, NowMs - 60_000, "HTTP 503 from /markets", "HTTP 503 from /markets", NowMs - 1_000, 8_000, 0.5, 10, 5),
        _ => VenueStatus.Unknown(id),
    };

    /// <summary>Mostly everyday rates, then zero, implausible (|1e3|), absurd, tiny and non-finite ones.</summary>
    public double Rate() => _random.Next(12) switch
    {
        < 5 => (_random.NextDouble() - 0.5) * 0.002,
        5 => 0,
        6 => Pick(1e3, -1e3, 0.5, -0.5),
        7 => Pick(1e300, -1e300, double.MaxValue, -double.MaxValue),
        8 => Pick(1e-300, -double.Epsilon, double.Epsilon),
        9 => Pick(double.NaN, double.PositiveInfinity, double.NegativeInfinity),
        _ => (_random.NextDouble() - 0.5) * 0.05,
    };

    public double? Usd() => _random.Next(10) switch
    {
        < 4 => _random.NextDouble() * 1e9,
        4 => null,
        5 => 0,
        6 => Pick(1e15, 2e15, 1e300, double.MaxValue),
        7 => Pick(1e-300, double.Epsilon, 0.01),
        8 => Pick(double.NaN, double.PositiveInfinity, -1e6),
        _ => _random.NextDouble() * 1e5,
    };

    public double? Price(bool nullable) => nullable && _random.NextDouble() < 0.15 ? null : Price();

    public double Price() => _random.Next(10) switch
    {
        < 5 => Pick(91_000d, 3_050d, 140d, 0.16d, 0.0000052d) * (0.9 + 0.2 * _random.NextDouble()),
        5 => 0,
        6 => Pick(-1d, double.NaN, double.PositiveInfinity),
        7 => Pick(1e300, double.MaxValue, 1e9),
        8 => Pick(1e-300, double.Epsilon, 1e-12),
        _ => _random.NextDouble() * 100,
    };

    private long Time() => Pick(NowMs, NowMs - 3_600_000, NowMs - _random.Next(0, 86_400_000), 0, long.MaxValue, long.MinValue, -1);

    private LiquidationSide Side() => _random.NextDouble() < 0.5 ? LiquidationSide.Long : LiquidationSide.Short;

    public T Pick<T>(params T[] values) => values[_random.Next(values.Length)];

    private List<T> Shuffle<T>(List<T> items) => [.. items.OrderBy(_ => _random.Next())];
}
