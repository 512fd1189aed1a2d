using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Rebuilds a venue's <see cref="VenueSnapshot"/> from the live state its poller stored (<see cref="LiveStateWriter"/>):
/// the markets of the last good poll with their values, each leg's latest quote with its source, the conventions,
/// status, market errors and positions, and the last six hours of realised liquidations. A web node's pages read this
/// and look like the poller node's; a standby that takes a venue over starts from it.
/// </summary>
public sealed class LiveSnapshotLoader(DbConnectionFactory factory)
{
    /// <summary>As the ingestor keeps them: realised liquidations of the last hours, at most this many.</summary>
    public static readonly TimeSpan LiquidationMemory = TimeSpan.FromHours(6);
    public const int MaxLiquidations = 2000;

    /// <summary>Every venue's stored version (what a node compares against what it holds).</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Venue, long Version)>(
            new CommandDefinition("SELECT venue, version FROM live_venue", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Venue, r => r.Version, StringComparer.Ordinal);
    }

    /// <summary>The venue as last stored, with its version; null when no poller has written it yet.</summary>
    public async Task<(VenueSnapshot Snapshot, long Version)?> LoadAsync(string venue, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var info = await connection.QuerySingleOrDefaultAsync<VenueRow>(new CommandDefinition(
            """
            SELECT v.id AS Id, v.name AS Name, v.rollup_kind AS RollupKind, v.withdrawal_ms AS WithdrawalMs, v.taker_fee AS TakerFee,
                   v.is_simulated AS IsSimulated, l.version AS Version, l.fetched_ms AS FetchedMs, l.status_json AS StatusJson,
                   l.market_errors_json AS MarketErrorsJson, l.positions_json AS PositionsJson
            FROM venue v JOIN live_venue l ON l.venue = v.id WHERE v.id = @venue
            """, new { venue }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (info is null) return null;
        var venueInfo = new VenueInfo(info.Id, info.Name, info.RollupKind, TimeSpan.FromMilliseconds(info.WithdrawalMs), info.TakerFee, info.IsSimulated != 0);
        var status = LiveStateJson.Status(info.StatusJson, venue) ?? VenueStatus.Unknown(venue);
        var markets = await ReadMarketsAsync(connection, venue, cancellationToken).ConfigureAwait(false);
        var liquidations = await ReadLiquidationsAsync(connection, venue, info.FetchedMs ?? status.LastSuccessMs ?? 0, cancellationToken).ConfigureAwait(false);
        var snapshot = new VenueSnapshot(venueInfo, status, markets, liquidations,
            [.. LiveStateJson.Positions(info.PositionsJson)], [.. LiveStateJson.Errors(info.MarketErrorsJson)]);
        return (snapshot, info.Version);
    }

    private static async Task<ImmutableDictionary<string, MarketQuote>> ReadMarketsAsync(DbConnection connection, string venue, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<MarketRow>(new CommandDefinition(
            """
            SELECT m.symbol AS Symbol, m.base_asset AS BaseAsset, m.funding_interval_hours AS FundingIntervalHours, m.max_leverage AS MaxLeverage,
                   m.maintenance_margin AS MaintenanceMargin, m.status AS Status, m.interval_assumed AS IntervalAssumed, m.funding_cap AS FundingCap,
                   lm.mark AS Mark, lm.index_px AS IndexPx, lm.oi_base AS OiBase, lm.oi_usd AS OiUsd, lm.oi_long_usd AS OiLongUsd,
                   lm.oi_short_usd AS OiShortUsd, lm.time_ms AS TimeMs
            FROM live_market lm JOIN market m ON m.venue = lm.venue AND m.symbol = lm.symbol
            WHERE lm.venue = @venue
            """, new { venue }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var legs = (await connection.QueryAsync<LegRow>(new CommandDefinition(
            """
            SELECT symbol AS Symbol, leg AS Leg, rate_1h AS Rate1h, rate_raw AS RateRaw, interval_hours AS IntervalHours, unit AS Unit,
                   ts_ms AS TimeMs, fetched_ms AS FetchedMs, source AS Source, implausible AS Implausible
            FROM live_quote WHERE venue = @venue ORDER BY symbol, leg
            """, new { venue }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(l => l.Symbol, StringComparer.Ordinal);
        var conventions = MarketDataRepository.ReadConventions(connection, venue);
        var markets = ImmutableDictionary.CreateBuilder<string, MarketQuote>();
        foreach (var r in rows)
        {
            var market = new Market(venue, r.Symbol, r.BaseAsset, r.FundingIntervalHours, r.MaxLeverage, r.MaintenanceMargin,
                Enum.TryParse<MarketStatus>(r.Status, out var s) ? s : MarketStatus.Active, r.IntervalAssumed != 0, r.FundingCap);
            var quotes = legs[r.Symbol]
                .Select(l => new FundingQuote((FundingLeg)l.Leg, l.Rate1h, l.RateRaw, l.IntervalHours,
                    Enum.TryParse<RateUnit>(l.Unit, out var u) ? u : RateUnit.Fraction, l.TimeMs, l.FetchedMs, l.Source, l.Implausible))
                .ToImmutableArray();
            markets[r.Symbol] = new MarketQuote(market, quotes, r.Mark, r.IndexPx, r.OiBase, r.OiUsd, r.OiLongUsd, r.OiShortUsd, r.TimeMs,
                conventions.GetValueOrDefault(r.Symbol));
        }
        return markets.ToImmutable();
    }

    private static async Task<ImmutableArray<LiquidationEvent>> ReadLiquidationsAsync(DbConnection connection, string venue, long asOfMs, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Id, string Symbol, long TimeMs, long Side, double Price, double SizeBase, double NotionalUsd, string Kind)>(
            new CommandDefinition(
                """
                SELECT id, symbol, ts_ms, side, price, size_base, notional_usd, kind FROM liquidation
                WHERE venue = @venue AND ts_ms >= @cutoff ORDER BY ts_ms DESC, id DESC LIMIT @limit
                """, new { venue, cutoff = asOfMs - (long)LiquidationMemory.TotalMilliseconds, limit = MaxLiquidations },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Reverse().Select(r => new LiquidationEvent(r.Id, r.Symbol, r.TimeMs, (LiquidationSide)r.Side, r.Price, r.SizeBase, r.NotionalUsd, r.Kind))];
    }

    // Settable rows: Dapper maps by name, and nullable columns need no constructor of exactly matching types.
    private sealed class VenueRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string RollupKind { get; set; } = "";
        public long WithdrawalMs { get; set; }
        public double TakerFee { get; set; }
        public long IsSimulated { get; set; }
        public long Version { get; set; }
        public long? FetchedMs { get; set; }
        public string StatusJson { get; set; } = "";
        public string MarketErrorsJson { get; set; } = "[]";
        public string? PositionsJson { get; set; }
    }

    private sealed class MarketRow
    {
        public string Symbol { get; set; } = "";
        public string BaseAsset { get; set; } = "";
        public double FundingIntervalHours { get; set; }
        public double MaxLeverage { get; set; }
        public double MaintenanceMargin { get; set; }
        public string Status { get; set; } = "";
        public long IntervalAssumed { get; set; }
        public double? FundingCap { get; set; }
        public double? Mark { get; set; }
        public double? IndexPx { get; set; }
        public double? OiBase { get; set; }
        public double? OiUsd { get; set; }
        public double? OiLongUsd { get; set; }
        public double? OiShortUsd { get; set; }
        public long TimeMs { get; set; }
    }

    private sealed class LegRow
    {
        public string Symbol { get; set; } = "";
        public long Leg { get; set; }
        public double Rate1h { get; set; }
        public double RateRaw { get; set; }
        public double IntervalHours { get; set; }
        public string Unit { get; set; } = "";
        public long TimeMs { get; set; }
        public long FetchedMs { get; set; }
        public string? Source { get; set; }
        public string? Implausible { get; set; }
    }
}
