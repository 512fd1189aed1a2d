using FundingWeb.Core.Funding;
using FundingWeb.Model;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>Every page's link, built by <see cref="FundingUrls"/>, parses back to the view it was built from.</summary>
[Trait("Category", "Fast")]
public sealed class FundingUrlsRoundTripTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, bool> Pages => new()
    {
        // path, whether the page's link carries the time range
        { FundingUrls.OverviewPath, false },
        { FundingUrls.FundingPath, true },
        { FundingUrls.OpenInterestPath, true },
        { FundingUrls.LiquidationsPath, true },
        { FundingUrls.SpreadsPath, false },
        { FundingUrls.VenuesPath, false },
    };

    private static IEnumerable<ViewState> States()
    {
        yield return ViewState.Default;
        foreach (var basis in Enum.GetValues<RateBasis>())
        {
            yield return ViewState.Default with { Basis = basis };
        }
        foreach (var range in TimeRange.Presets)
        {
            yield return ViewState.Default with { Asset = "BTC", Range = range };
        }
        yield return new ViewState("ETH", new HashSet<string> { "dydx", "hyperliquid" }, TimeRange.Custom(From, From.AddDays(3)), RateBasis.EightHour, "24h", "gmx");
        yield return new ViewState("1000PEPE", new HashSet<string> { "lighter" }, TimeRange.Custom(From.AddHours(-5), From), RateBasis.Hourly);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void ForPath_EveryState_ParsesBackToTheSameView(string path, bool carriesRange)
    {
        foreach (var state in States())
        {
            var url = FundingUrls.ForPath(path, state);
            Assert.StartsWith(path, url);
            var query = QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
            string? Get(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
            var parsed = FundingUrls.Parse(Get(FundingUrls.AssetParameter), Get(FundingUrls.VenuesParameter), Get(FundingUrls.RangeParameter),
                Get(FundingUrls.FromParameter), Get(FundingUrls.ToParameter), Get(FundingUrls.BasisParameter), Get(FundingUrls.WindowParameter),
                Get(FundingUrls.VenueParameter));

            Assert.Null(parsed.Notices);
            Assert.Equal(state.Asset, parsed.Asset);
            Assert.Equal(state.Venues.Order(), parsed.Venues.Order());
            Assert.Equal(state.Basis, parsed.Basis);
            Assert.Equal(state.Window, parsed.Window);
            Assert.Equal(state.Venue, parsed.Venue);
            Assert.Equal(carriesRange ? state.Range : TimeRange.Default, parsed.Range);
        }
    }

    [Fact]
    public void PageBuilders_AreForPathOfTheirPage()
    {
        var state = new ViewState("SOL", new HashSet<string> { "paradex" }, TimeRange.Presets[0], RateBasis.EightHour);
        Assert.Equal(FundingUrls.ForPath(FundingUrls.OverviewPath, state), FundingUrls.Overview(state));
        Assert.Equal(FundingUrls.ForPath(FundingUrls.FundingPath, state), FundingUrls.Funding(state));
        Assert.Equal(FundingUrls.ForPath(FundingUrls.OpenInterestPath, state), FundingUrls.OpenInterest(state));
        Assert.Equal(FundingUrls.ForPath(FundingUrls.LiquidationsPath, state), FundingUrls.Liquidations(state));
        Assert.Equal(FundingUrls.ForPath(FundingUrls.SpreadsPath, state), FundingUrls.Spreads(state));
        Assert.Equal(FundingUrls.VenuesPath, FundingUrls.Venues());
        Assert.Equal("/funding?asset=SOL&venues=paradex&range=1h&basis=8h", FundingUrls.Funding(state));
    }
}
