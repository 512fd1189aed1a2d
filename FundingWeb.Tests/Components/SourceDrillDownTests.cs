using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Core.Funding;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The source of one cell: raw value, unit, interval, convention (assumed, cap), endpoint and times.</summary>
[Trait("Category", "Fast")]
public sealed class SourceDrillDownTests : DashboardContext
{
    private const long NowMs = 1_764_590_400_000;

    private static SourceView Source(RateBasis basis = RateBasis.EightHour, string? note = null, string? implausible = null)
    {
        var venue = TestMarkets.Venue("dydx", "dYdX v4", NowMs, ("BTC", 0.0000125, 1e9));
        var quote = venue.Markets["BTC-USD"];
        quote = quote with { Legs = [quote.Legs[0] with { RateRaw = 0.0001, IntervalHours = 8, Rate1h = 0.0000125, Implausible = implausible }] };
        return new SourceView("dydx", "dYdX v4", quote, basis, note);
    }

    [Fact]
    public void Render_RawUnitIntervalConventionEndpointAndTimes()
    {
        var cut = Render<SourceDrillDown>(p => p.Add(c => c.Source, Source()));

        Assert.Contains("Source · dYdX v4 · BTC-USD", cut.Find(".fw-source-heading").TextContent);
        var net = cut.Find("tr[data-leg=Net]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["0.0001", "Fraction", "8 h", "1.25E-05", "+0.0100 %", "2025-12-01 12:00:00 / 2025-12-01 12:00:00", "https://dydx.example/markets#funding"], net);
        var convention = cut.Find("[data-testid=source-convention]").TextContent;
        Assert.Contains("rate per 1 h", convention);
        Assert.NotNull(cut.Find("[data-testid=source-assumed]"));
        Assert.Equal("4 % per hour (venue docs)", cut.Find("[data-testid=source-cap]").TextContent);
        Assert.Contains("% per 8h", cut.Find("thead").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=source-implausible]"));
    }

    [Fact]
    public void Render_ImplausibleAndUnverified_SaySoWithTheReason()
    {
        var cut = Render<SourceDrillDown>(p => p.Add(c => c.Source, Source(note: "interval not seen live", implausible: "beyond the venue's cap")));

        Assert.Contains("Net rate is implausible: beyond the venue's cap", cut.Find("[data-testid=source-implausible]").TextContent);
        Assert.Contains("interval not seen live", cut.Find("[data-testid=source-unverified]").TextContent);
    }

    [Fact]
    public void SameSourceAgain_RendersNothing_AndCloseCallsBack()
    {
        var closed = false;
        var source = Source();
        var cut = Render<SourceDrillDown>(p => p.Add(c => c.Source, source).Add(c => c.OnClose, () => closed = true));
        var renders = cut.RenderCount;

        cut.Render(p => p.Add(c => c.Source, source with { }).Add(c => c.OnClose, () => closed = true));
        Assert.Equal(renders, cut.RenderCount);

        cut.Find("[data-testid=source-close]").Click();
        Assert.True(closed);
    }
}
