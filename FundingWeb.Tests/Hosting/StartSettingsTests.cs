using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>A setting the app cannot run with stops its start, naming the setting and its value.</summary>
[Trait("Category", "Slow")]
public sealed class StartSettingsTests
{
    [Theory]
    [InlineData("--Live:PageTickInterval=-00:00:01", "Live:PageTickInterval must be from 00:00:00 to 00:00:10 (it was -00:00:01)")]
    [InlineData("--Live:PageTickInterval=01:00:00", "Live:PageTickInterval must be from 00:00:00 to 00:00:10 (it was 01:00:00)")]
    [InlineData("--Live:MinPushInterval=-00:00:01", "Live:MinPushInterval must be from")]
    public async Task Start_LiveIntervalOutOfRange_RefusesToStartNamingIt(string setting, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => FundingWebServer.StartAsync([setting]));
        Assert.Contains(message, error.Message);
    }
}
