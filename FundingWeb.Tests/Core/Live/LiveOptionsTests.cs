using FundingWeb.Core.Live;
using Xunit;

namespace FundingWeb.Tests.Core.Live;

/// <summary>The live settings a start accepts: intervals from zero to ten seconds, each bad one named with its value.</summary>
[Trait("Category", "Fast")]
public class LiveOptionsTests
{
    [Theory]
    [InlineData(50, 100, null)]
    [InlineData(0, 0, null)]
    [InlineData(10_000, 10_000, null)]
    [InlineData(-1, 100, "Live:PageTickInterval")]
    [InlineData(10_001, 100, "Live:PageTickInterval")]
    [InlineData(50, -1, "Live:MinPushInterval")]
    [InlineData(50, 86_400_000, "Live:MinPushInterval")]
    public void Problem_NamesTheSettingOutOfRange(int pageTickMs, int minPushMs, string? named)
    {
        var options = new LiveOptions { PageTickInterval = TimeSpan.FromMilliseconds(pageTickMs), MinPushInterval = TimeSpan.FromMilliseconds(minPushMs) };

        var problem = options.Problem();

        if (named is null) Assert.Null(problem);
        else Assert.StartsWith(named + " must be from 00:00:00 to 00:00:10", problem);
    }

    [Fact]
    public void Defaults_PagesCoalesceWithinFiftyMilliseconds()
    {
        var options = new LiveOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.PageTickInterval);
        Assert.Null(options.Problem());
    }
}
