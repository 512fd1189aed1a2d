using FundingWeb.Core.Funding;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public class FundingUrlsParseTests
{
    /// <summary>Asset values the API refuses: the page falls back (null = the asset with the most OI) and says so.</summary>
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("BTC,ETH")]
    [InlineData("BT\nC")]
    [InlineData("<script>")]
    [InlineData("BT C")]
    [InlineData("ÉTH")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("+1")]
    [InlineData("\0")]
    public void Parse_AssetTheApiRefuses_NoAssetAndANotice(string asset)
    {
        var state = FundingUrls.Parse(asset, null, null, null, null, null);

        Assert.Null(state.Asset);
        var notice = Assert.Single(state.Notices!);
        Assert.Equal(FundingUrls.AssetParameter, notice.Parameter);
    }

    [Theory]
    [InlineData("btc", "BTC")]
    [InlineData(" eth ", "ETH")]
    [InlineData("1000PEPE", "1000PEPE")]
    [InlineData("kBONK.x_y-z", "KBONK.X_Y-Z")]
    public void Parse_AssetName_UpperCasedWithoutNotice(string asset, string expected)
    {
        var state = FundingUrls.Parse(asset, null, null, null, null, null);

        Assert.Equal(expected, state.Asset);
        Assert.Null(state.Notices);
    }

    [Fact]
    public void Parse_VenueListWithJunkAndAFlood_KeepsTheIdsUpToTheCapAndSaysSo()
    {
        var flood = string.Join(',', Enumerable.Range(0, 5000).Select(i => "v" + i));
        var state = FundingUrls.Parse(null, "dydx,=cmd,<b>," + flood, null, null, null, null);

        Assert.Contains("dydx", state.Venues);
        Assert.Equal(FundingUrls.MaxVenues, state.Venues.Count);
        Assert.All(state.Venues, v => Assert.True(FundingUrls.IsVenueId(v)));
        Assert.Equal(FundingUrls.VenuesParameter, Assert.Single(state.Notices!).Parameter);
    }

    [Theory]
    [InlineData("range", "10y")]
    [InlineData("range", "-1")]
    [InlineData("from", "NaN")]
    [InlineData("basis", "apr'--")]
    [InlineData("window", "../../x")]
    [InlineData("venue", "dydx;DROP")]
    public void Parse_UnusableValue_DefaultAndANoticeNamingTheParameter(string parameter, string value)
    {
        string? Get(string p) => p == parameter ? value : null;
        var state = FundingUrls.Parse(Get("asset"), Get("venues"), Get("range"), Get("from"), Get("to") ?? (parameter == "from" ? "2026-01-01T00:00:00Z" : null),
            Get("basis"), Get("window"), Get("venue"));

        var notice = Assert.Single(state.Notices!);
        Assert.Equal(parameter == "from" ? FundingUrls.RangeParameter : parameter, notice.Parameter);
        Assert.Equal((TimeRange.Default, RateBasis.Apr, null, null), (state.Range, state.Basis, state.Window, state.Venue));
    }

    [Fact]
    public void Parse_NothingGiven_DefaultWithoutNotice() =>
        Assert.Null(FundingUrls.Parse(null, null, null, null, null, null).Notices);
}
