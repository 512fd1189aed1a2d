using Dapper;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Core.Ingest;

/// <summary>The convention record and the implausible flag, through the one ingest path into a real SQLite file.</summary>
[Trait("Category", "Fast")]
public class ConventionIngestTests : IDisposable
{
    private static readonly VenueInfo Venue = new("paradex", "Paradex", "appchain", TimeSpan.FromHours(1), 0.0002, IsSimulated: false);
    private readonly TempDatabase _db = new("Live");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    private (VenueIngestor Ingestor, MarketHub Hub) Start()
    {
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        return (new VenueIngestor(new MarketDataRepository(_db.Factory), hub, _time), hub);
    }

    private VenuePoll Poll(double intervalHours, double rateRaw, bool assumed = false, double? cap = 0.05, RateUnit unit = RateUnit.Fraction)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var market = new Market("paradex", "BTC-USD-PERP", "BTC", intervalHours, 20, 0.025, MarketStatus.Active, assumed, cap);
        var quote = new RawFundingRate("BTC-USD-PERP", now, FundingKind.Quoted, rateRaw, intervalHours, unit, Source: "GET /markets/summary funding_rate");
        return new VenuePoll(now, [market], [quote], [], [], [], []);
    }

    private Task Ingest(VenueIngestor ingestor, VenuePoll poll) =>
        ingestor.IngestAsync(Venue, poll, new VenueStatusTracker(Venue.Id, TimeSpan.FromMinutes(1)), 1, default);

    [Fact]
    public async Task Ingest_FirstRead_RecordsConventionWithCapSourceAndAssumedFlagWithoutAChange()
    {
        var (ingestor, hub) = Start();
        await Ingest(ingestor, Poll(8, 0.0001, assumed: true));

        var convention = hub.Current.Venues["paradex"].Markets["BTC-USD-PERP"].Convention!;
        Assert.Equal(8, convention.IntervalHours);
        Assert.True(convention.IntervalAssumed);
        Assert.Equal(0.05 / 8, convention.Cap1h!.Value, 12);
        Assert.Contains("funding_rate", convention.Source);
        Assert.Null(convention.LastChange);
        using var c = _db.Factory.Open();
        Assert.Equal(1, c.ExecuteScalar<int>("SELECT assumed FROM market_convention WHERE symbol = 'BTC-USD-PERP'"));
        Assert.Equal(1, c.ExecuteScalar<int>("SELECT interval_assumed FROM market WHERE symbol = 'BTC-USD-PERP'"));
        Assert.Equal(0, c.ExecuteScalar<int>("SELECT COUNT(*) FROM convention_change"));
    }

    [Fact]
    public async Task Ingest_IntervalChanges_RecordsTheChangeOnceAndARestartDoesNotReportItAgain()
    {
        var (ingestor, _) = Start();
        await Ingest(ingestor, Poll(8, 0.0001));
        _time.Advance(TimeSpan.FromSeconds(10));
        await Ingest(ingestor, Poll(8, 0.0001));
        _time.Advance(TimeSpan.FromSeconds(10));
        await Ingest(ingestor, Poll(1, 0.0000125));
        _time.Advance(TimeSpan.FromSeconds(10));
        await Ingest(ingestor, Poll(1, 0.0000125));

        var (restarted, hub) = Start();
        _time.Advance(TimeSpan.FromSeconds(10));
        await Ingest(restarted, Poll(1, 0.0000125));

        using var c = _db.Factory.Open();
        var changes = c.Query<(string Field, string OldValue, string NewValue)>("SELECT field, old_value, new_value FROM convention_change").ToList();
        Assert.Equal([("interval_hours", "8", "1")], changes);
        var convention = hub.Current.Venues["paradex"].Markets["BTC-USD-PERP"].Convention!;
        Assert.Equal(1, convention.IntervalHours);
        Assert.Equal("BTC-USD-PERP: funding interval 8 h → 1 h", convention.LastChange!.Describe());
        Assert.Equal(_time.GetUtcNow().AddSeconds(-20).ToUnixTimeMilliseconds(), convention.SinceMs);
    }

    [Fact]
    public async Task Ingest_UnitChanges_IsAChangeToo()
    {
        var (ingestor, hub) = Start();
        await Ingest(ingestor, Poll(8, 0.0001));
        _time.Advance(TimeSpan.FromSeconds(10));
        await Ingest(ingestor, Poll(8, 0.01, unit: RateUnit.Percent));
        Assert.Equal("BTC-USD-PERP: rate unit Fraction → Percent", hub.Current.Venues["paradex"].Markets["BTC-USD-PERP"].Convention!.LastChange!.Describe());
    }

    [Fact]
    public async Task Ingest_RateBeyondTheMarketsCap_StoredAndShownWithItsReasonButNotTrusted()
    {
        var (ingestor, hub) = Start();
        await Ingest(ingestor, Poll(8, 0.06)); // 6 % per 8 h against a 5 % cap

        var quote = hub.Current.Venues["paradex"].Markets["BTC-USD-PERP"];
        Assert.Equal(0.06 / 8, quote.Funding!.Rate1h, 12);
        Assert.Contains("beyond the venue's cap", quote.Funding.Implausible);
        Assert.Null(quote.PlausibleFunding);
        using var c = _db.Factory.Open();
        var stored = c.QuerySingle<(double Rate, string? Why)>("SELECT rate_1h, implausible FROM funding WHERE symbol = 'BTC-USD-PERP'");
        Assert.Equal(0.06 / 8, stored.Rate, 12);
        Assert.Contains("cap", stored.Why);
    }

    [Fact]
    public async Task Alert_ConventionChangeRule_FiresOnTheChangeAndClearsAfterItsWindow()
    {
        var (ingestor, hub) = Start();
        var rule = new ConventionChangeRule { Id = "c", Name = "conventions", Window = TimeSpan.FromMinutes(30) };
        var evaluator = new AlertEvaluator([rule], _time);
        await Ingest(ingestor, Poll(8, 0.0001));
        Assert.Empty(evaluator.Evaluate(hub.Current));

        _time.Advance(TimeSpan.FromMinutes(1));
        await Ingest(ingestor, Poll(1, 0.0000125));
        var fired = Assert.Single(evaluator.Evaluate(hub.Current));
        Assert.Equal(AlertTransitionKind.Fired, fired.Transition);
        Assert.Contains("funding interval 8 h → 1 h", fired.Reason);
        Assert.Equal("paradex", fired.Venue);

        _time.Advance(TimeSpan.FromMinutes(31));
        var cleared = Assert.Single(evaluator.Evaluate(hub.Current));
        Assert.Equal(AlertTransitionKind.Cleared, cleared.Transition);
    }

    [Fact]
    public async Task Alert_FundingThreshold_IgnoresAnImplausibleQuote()
    {
        var (ingestor, hub) = Start();
        var rule = new FundingThresholdRule { Id = "t", Name = "hot", Asset = "BTC", Direction = ThresholdDirection.Above, Threshold = 0.5, Basis = RateBasis.Apr };
        var evaluator = new AlertEvaluator([rule], _time);
        await Ingest(ingestor, Poll(8, 0.06));
        Assert.Empty(evaluator.Evaluate(hub.Current));
        _time.Advance(TimeSpan.FromSeconds(10));
        await Ingest(ingestor, Poll(8, 0.001)); // 0.1 % per 8 h = 109.5 % APR: plausible, and above the 50 % threshold
        Assert.Equal(AlertTransitionKind.Fired, Assert.Single(evaluator.Evaluate(hub.Current)).Transition);
    }
}
