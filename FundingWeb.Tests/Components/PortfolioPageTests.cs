using System.Collections.Immutable;
using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The portfolio page from its URL, on the app's registrations over an empty SQLite file (no history: betas assumed 1, no
/// clusters): worked margin ratios, the liquidation order, bad values at their fields, and Calculate going through the URL.
/// </summary>
[Trait("Category", "Fast")]
public sealed class PortfolioPageTests : AppServicesContext
{
    // Hyperliquid cross: BTC long $1M and ETH long $500k on $300k; dYdX BTC long $200k at 40× isolated.
    private const string Book = "/portfolio?pos=hyperliquid:BTC:long:1000000:2&pos=hyperliquid:ETH:long:500000:5&pos=dydx:BTC:long:200000:40:iso&col=hyperliquid:300000";

    private static VenueSnapshot Venue(string id, string name, params (string Symbol, string Asset, double Price, double MaxLeverage, double Mmr)[] markets) =>
        VenueSnapshot.Empty(new VenueInfo(id, name, "test", TimeSpan.FromHours(2), 0.0005, true)) with
        {
            Status = new VenueStatus(id, 0, null, null, null, null, 10, 0, 1, 0),
            Markets = markets.ToImmutableDictionary(m => m.Symbol, m => new MarketQuote(new Market(id, m.Symbol, m.Asset, 1, m.MaxLeverage, m.Mmr),
                [new FundingQuote(FundingLeg.Net, 0, 0, 1, RateUnit.Fraction, 0, 0, "test")], m.Price, m.Price, 10, 1e9, null, null, 0)),
        };

    private static MarketSnapshot World() => new(1, 0, true, ImmutableSortedDictionary<string, VenueSnapshot>.Empty
        .Add("hyperliquid", Venue("hyperliquid", "Hyperliquid", ("BTC", "BTC", 100, 50, 0.01), ("ETH", "ETH", 10, 25, 0.02)))
        .Add("dydx", Venue("dydx", "dYdX v4", ("BTC-USD", "BTC", 100, 40, 0.0125))));

    private IRenderedComponent<Portfolio> Open(string url)
    {
        Hub.Publish(_ => World());
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Portfolio>();
    }

    private static string Ratio(IRenderedComponent<Portfolio> cut, string shock, string account) =>
        cut.Find($"[data-testid=portfolio-table] tr[data-shock='{shock}'][data-account='{account}'] [data-testid=ratio]").TextContent.Trim();

    [Fact]
    public void Book_WorkedRatiosFallWithTheShock_AndTheHighLeverageIsolatedPositionLiquidatesFirst()
    {
        var cut = Open(Book);

        cut.WaitForAssertion(() => Assert.True(cut.Has("portfolio-table")));
        // Now: equity $300k over requirement $1M × 1 % + $500k × 2 % = $20k.
        Assert.Equal("15.00", Ratio(cut, "0.00", "hyperliquid cross"));
        // BTC −10 % (ETH's beta assumed 1): equity $150k over $18k.
        Assert.Equal("8.33", Ratio(cut, "-0.10", "hyperliquid cross"));
        // +10 %: equity $450k over $22k.
        Assert.Equal("20.45", Ratio(cut, "0.10", "hyperliquid cross"));
        // Isolated: $5k margin over $2.5k requirement; gone at −5 %.
        Assert.Equal("2.00", Ratio(cut, "0.00", "dydx BTC isolated"));
        Assert.EndsWith("liquidated", Ratio(cut, "-0.05", "dydx BTC isolated"), StringComparison.Ordinal);

        var order = cut.FindAll("[data-testid=portfolio-order] li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, order.Count);
        // 5,000 + 200,000·d = 0.0125 · 200,000 · (1 + d) ⇒ d = −2,500 ÷ 197,500 = −1.27 %.
        Assert.StartsWith("dydx BTC long $200,000 40× isolated", order[0], StringComparison.Ordinal);
        Assert.Contains("at a BTC move of −1.3 %", order[0], StringComparison.Ordinal);
        Assert.Contains("assumed 1", cut.Find("[data-testid=portfolio-betas]").TextContent, StringComparison.Ordinal);

        var create = Assert.Single(ChartCalls("create"));
        var series = Assert.IsAssignableFrom<IReadOnlyList<Model.Charts.ChartSeries>>(create.Arg(2));
        Assert.Equal(["hyperliquid cross", "dydx BTC isolated"], series.Select(s => s.Name));
        Assert.Equal(13, series[0].Data.Count);
    }

    [Fact]
    public async Task TableCsv_DownloadsEveryShockAndAccountWithInvariantNumbers()
    {
        var cut = Open(Book);
        cut.WaitForAssertion(() => Assert.True(cut.Has("portfolio-csv")));

        await cut.Find("[data-testid=portfolio-csv]").ClickAsync(new());

        var download = Assert.Single(ChartCalls("downloadText"));
        Assert.Equal("portfolio-stress.csv", download.Arg(0));
        var lines = ((string)download.Arg(1)!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.StartsWith("scenario,btc_shock,account,equity_usd,requirement_usd,margin_ratio", lines[0], StringComparison.Ordinal);
        // 13 shocks × 2 accounts, then the funding shock per account.
        Assert.Equal(1 + 26 + 2, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("correlated,-0.1,hyperliquid cross,", StringComparison.Ordinal));
    }

    [Fact]
    public void PastedBadValues_ShownAtTheirFields_NothingStressed()
    {
        var cut = Open("/portfolio?pos=hyperliquid:BTC:sideways:abc:5&pos=dydx:BTC:long:1000:60&col=hyperliquid:-5");

        cut.WaitForAssertion(() => Assert.Equal("Position 1 side: 'sideways' is neither long nor short.", cut.ErrorAt("pos0-side")));
        Assert.StartsWith("Position 1 notional (USD): 'abc' is not a number", cut.ErrorAt("pos0-notional"), StringComparison.Ordinal);
        Assert.Equal("Position 2 leverage: BTC-USD on dYdX v4 allows at most 40×.", cut.ErrorAt("pos1-leverage"));
        Assert.StartsWith("Collateral 1 (USD): '-5' is not a number", cut.ErrorAt("col0-amount"), StringComparison.Ordinal);
        Assert.Null(cut.ErrorAt("pos0-leverage"));
        Assert.Equal("abc", cut.Find("[data-testid=pos0-notional]").GetAttribute("value"));
        Assert.False(cut.Has("portfolio-table"));
    }

    [Fact]
    public async Task Calculate_AValidFormNavigatesToTheBooksUrl()
    {
        var cut = Open(Book);
        cut.WaitForAssertion(() => Assert.True(cut.Has("portfolio-table")));

        await cut.Find("[data-testid=pos1-notional]").InputAsync(new() { Value = "250,000" });
        await cut.Find("[data-testid=portfolio-calculate]").ClickAsync(new());

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal("/portfolio", uri.AbsolutePath);
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal<string>(["hyperliquid:BTC:long:1000000:2", "hyperliquid:ETH:long:250000:5", "dydx:BTC:long:200000:40:iso"], q["pos"].Select(v => v ?? "").ToList());
        Assert.Equal<string>(["hyperliquid:300000"], q["col"].Select(v => v ?? "").ToList());
    }
}
