using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Portfolio;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The book's URL: a round trip keeps every position, and every kind of bad entry is named and left out.</summary>
[Trait("Category", "Fast")]
public sealed class PortfolioQueryTests
{
    [Fact]
    public void ToUrl_ThenParse_RoundTripsPositionsIsolationAndCollateral()
    {
        var query = new PortfolioQuery(
            [new BookPosition("hyperliquid", "BTC", LiquidationSide.Long, 1_000_000, 3), new BookPosition("dydx", "ETH", LiquidationSide.Short, 250_000.5, 20, Isolated: true)],
            [new VenueAccount("hyperliquid", 300_000), new VenueAccount("dydx", 0)]);

        var uri = new Uri("http://x" + FundingUrls.Portfolio(query));
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        var (parsed, errors) = PortfolioQuery.Parse(q["pos"].Select(v => v!).ToList(), q["col"].Select(v => v!).ToList());

        Assert.Empty(errors);
        Assert.Equal(query.Positions, parsed.Positions);
        Assert.Equal(query.Accounts, parsed.Accounts);
        Assert.Equal("/portfolio", uri.AbsolutePath);
    }

    [Fact]
    public void Empty_IsAnEmptyBookWithoutErrors()
    {
        var (parsed, errors) = PortfolioQuery.Parse(null, []);
        Assert.Empty(errors);
        Assert.Empty(parsed.Positions);
        Assert.Equal("/portfolio", parsed.ToUrl());
    }

    [Theory]
    [InlineData("hyperliquid:BTC:long", "book")]
    [InlineData("hyperliquid:BTC:long:1:2:cross", "book")]
    [InlineData("hyper liquid:BTC:long:1000:2", "pos0.Venue")]
    [InlineData("hyperliquid:=CMD():long:1000:2", "pos0.Asset")]
    [InlineData("hyperliquid:BTC:both:1000:2", "pos0.Side")]
    [InlineData("hyperliquid:BTC:long:0:2", "pos0.Notional")]
    [InlineData("hyperliquid:BTC:long:NaN:2", "pos0.Notional")]
    [InlineData("hyperliquid:BTC:long:Infinity:2", "pos0.Notional")]
    [InlineData("hyperliquid:BTC:long:1e309:2", "pos0.Notional")]
    [InlineData("hyperliquid:BTC:long:2e12:2", "pos0.Notional")]
    [InlineData("hyperliquid:BTC:long:1000:0.5", "pos0.Leverage")]
    [InlineData("hyperliquid:BTC:long:1000:", "pos0.Leverage")]
    public void BadPosition_NamedAtItsFieldAndLeftOut(string token, string field)
    {
        var (parsed, errors) = PortfolioQuery.Parse([token, "dydx:ETH:short:1000:5"], null);
        Assert.Contains(errors, e => e.Field == field);
        Assert.DoesNotContain(parsed.Positions, p => p.Venue.StartsWith("hyper", StringComparison.Ordinal));
        Assert.Equal("ETH", Assert.Single(parsed.Positions).Asset);
    }

    [Fact]
    public void TooManyPositions_FirstTwentyKept_AndSaidSo()
    {
        var tokens = Enumerable.Range(0, 25).Select(i => $"dydx:BTC:long:{1000 + i}:5").ToList();
        var (parsed, errors) = PortfolioQuery.Parse(tokens, null);
        Assert.Equal(PortfolioQuery.MaxPositions, parsed.Positions.Count);
        Assert.Equal("The link names 25 positions: only the first 20 are used.", Assert.Single(errors).Message);
    }

    [Fact]
    public void CollateralTwiceForOneVenue_OrNegative_OrMalformed_Named()
    {
        var (parsed, errors) = PortfolioQuery.Parse(null, ["dydx:100", "dydx:200", "aevo:-1", "gmx"]);
        Assert.Equal(new VenueAccount("dydx", 100), Assert.Single(parsed.Accounts));
        Assert.Contains(errors, e => e.Field == "col1.Venue");
        Assert.Contains(errors, e => e.Field == "col2.Amount");
        Assert.Contains(errors, e => e.Field == "book" && e.Message.StartsWith("Collateral 4", StringComparison.Ordinal));
    }

    [Fact]
    public void HugePastedValue_QuotedBackCutShort()
    {
        var (_, errors) = PortfolioQuery.Parse(["dydx:BTC:long:" + new string('9', 10_000) + "x:5"], null);
        var error = Assert.Single(errors);
        Assert.True(error.Message.Length < 200, error.Message);
        Assert.Contains("…", error.Message, StringComparison.Ordinal);
    }
}
