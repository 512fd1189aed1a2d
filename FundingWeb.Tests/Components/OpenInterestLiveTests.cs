using FundingWeb.Core.Storage;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using FundingWeb.Tests.Components.Pages;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// A tick fills the current bucket of the stacked OI chart for every venue drawn (the chart stacks by index, so the
/// areas must stay aligned): the live value, else the last one carried at most two buckets, else 0; and the HHI's hour.
/// </summary>
[Trait("Category", "Fast")]
public sealed class OpenInterestLiveTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 20, 0, TimeSpan.Zero);
    private const long Hour = ChartPageWorld.HourMs;
    private readonly ChartPageWorld _world = new(Now);

    public void Dispose() => _world.Dispose();

    private OpenInterestPageModel Model(ViewState state) =>
        OpenInterestPageModel.Build("BTC", state, [], _world.Snapshot(), _world.NowMs - 7 * 24 * Hour, _world.NowMs);

    private static ChartSeries Drawn(string venue, params (long X, double Y)[] points) =>
        ChartSeries.FromPoints(venue, points.Select(p => (p.X, p.Y))) with { Key = OpenInterestPageModel.StackKey(venue) };

    [Fact]
    public void LiveStack_EveryVenueDrawnGetsTheCurrentHourLiveOrCarriedOrZero()
    {
        var model = Model(ViewState.Default);
        Assert.Equal(Hour, model.BucketMs);
        var hour = _world.NowMs / Hour * Hour;
        // Live quotes for all three venues, but the snapshot below drops GMX and dYdX to show carrying and dropping out.
        var snapshot = _world.Snapshot();
        snapshot = snapshot with { Venues = snapshot.Venues.Remove("gmx").Remove("dydx") };
        IReadOnlyList<ChartSeries> drawn = [Drawn("dydx", (hour - 3 * Hour, 7)), Drawn("gmx", (hour - 2 * Hour, 5)), Drawn("hyperliquid", (hour, 1))];

        var appends = model.LiveStack(snapshot, "BTC", ViewState.Default, drawn, _world.NowMs);

        Assert.Equal(model.StackVenues.Select(OpenInterestPageModel.StackKey), appends.Select(a => a.Id));
        Assert.All(appends, a => Assert.Equal(hour, Assert.Single(a.Points)[0]));
        Assert.Equal(0, appends.Single(a => a.Id == "oi:dydx").Points[0][1]);       // last value three hours back: dropped out
        Assert.Equal(5, appends.Single(a => a.Id == "oi:gmx").Points[0][1]);        // two hours back: carried
        Assert.Equal(2000, appends.Single(a => a.Id == "oi:hyperliquid").Points[0][1]); // live: $2 B in millions
    }

    [Fact]
    public void LiveStack_AVenueFilteredOut_IsNotAStackSeries()
    {
        var state = ViewState.Default with { Venues = new HashSet<string> { "dydx", "gmx" } };
        var model = Model(state);

        var appends = model.LiveStack(_world.Snapshot(), "BTC", state, model.Stack, _world.NowMs);

        Assert.Equal(["oi:dydx", "oi:gmx"], appends.Select(a => a.Id));
    }

    [Fact]
    public void LiveHhi_TheHourFromTheLiveShares_AndNothingWithoutATotal()
    {
        var model = Model(ViewState.Default);
        var live = OpenInterestPageModel.LiveBreakdown("BTC", ViewState.Default, [], _world.Snapshot(), _world.NowMs);

        var hhi = Assert.Single(model.LiveHhi(live, _world.NowMs));
        Assert.Equal([_world.NowMs / Hour * Hour, Math.Round(live.Hhi!.Value, 4)], Assert.Single(hhi.Points));
        Assert.Empty(model.LiveHhi(live with { Hhi = null }, _world.NowMs));
        Assert.Empty(model.LiveHhi(live with { Hhi = double.NaN }, _world.NowMs));
    }

    [Fact]
    public void Recent_KeepsTheLastTwentyFiveHours()
    {
        OpenInterestPoint Point(long ago) => new("dydx", "BTC-USD", _world.NowMs - ago, 1, 1, null, null);
        var recent = OpenInterestPageModel.Recent([Point(26 * Hour), Point(25 * Hour), Point(Hour)], _world.NowMs);
        Assert.Equal([_world.NowMs - 25 * Hour, _world.NowMs - Hour], recent.Select(p => p.TimeMs));
    }
}
