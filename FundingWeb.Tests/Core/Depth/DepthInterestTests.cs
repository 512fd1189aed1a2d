using FundingWeb.Core.Depth;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class DepthInterestTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Touch_ViewsDecayByHalfLife_TopFollowsWhatIsWatchedNow()
    {
        var interest = new DepthInterest(_time, TimeSpan.FromMinutes(30));
        interest.Touch("dydx", "btc");
        interest.Touch("dydx", "BTC");
        interest.Touch("DYDX", "ETH");

        Assert.Equal(["BTC", "ETH"], interest.Top("dydx", 5));
        Assert.Equal(2, interest.Score("dydx", "BTC"), 12);
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, interest.Score("dydx", "BTC"), 12);
        // Three fresh views of SOL beat BTC's two half-decayed ones.
        for (var i = 0; i < 3; i++) interest.Touch("dydx", "SOL");
        Assert.Equal(["SOL", "BTC", "ETH"], interest.Top("dydx", 5));
        Assert.Equal(["SOL"], interest.Top("dydx", 1));
        Assert.Empty(interest.Top("paradex", 5));
    }

    [Fact]
    public void Touch_NoVenue_CountsForEveryVenue()
    {
        var interest = new DepthInterest(_time);
        interest.Touch(null, "HYPE");

        Assert.All(FundingWeb.Core.Venues.VenueIds.All, v => Assert.Equal(["HYPE"], interest.Top(v, 3)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("BTC\u0000")]
    [InlineData("an-asset-name-far-longer-than-any-listed-market-could-ever-be-written-by-a-venue")]
    public void Touch_HostileName_IsIgnored(string asset)
    {
        var interest = new DepthInterest(_time);
        interest.Touch("dydx", asset);
        interest.Touch(asset, "BTC");

        Assert.Empty(interest.Top("dydx", 5));
    }

    [Fact]
    public void Touch_MoreMarketsThanCapacity_KeepsTheStrongest()
    {
        var interest = new DepthInterest(_time, capacity: 3);
        interest.Touch("dydx", "KEEP");
        interest.Touch("dydx", "KEEP");
        for (var i = 0; i < 50; i++)
        {
            interest.Touch("dydx", "A" + i);
            if (i % 10 == 0) interest.Touch("dydx", "KEEP");
        }

        var top = interest.Top("dydx", 100);
        Assert.Equal(3, top.Count);
        Assert.Equal("KEEP", top[0]);
    }
}
