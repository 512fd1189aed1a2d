using FundingWeb.Components.Controls;
using FundingWeb.Core.Funding;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FundingWeb.Tests.Components;

public class FundingHeatmapRenderTests
{
    [Fact]
    public async Task Render_PrintsBasisLegendAndRightAlignedCellsWithData()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var model = HeatmapViewModel.Build(HeatmapViewModelTests.Snapshot(), RateBasis.EightHour);

        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FundingHeatmap>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }));
            return System.Net.WebUtility.HtmlDecode(output.ToHtmlString());
        });

        Assert.Contains("<strong data-testid=\"heatmap-basis\">% per 8h</strong>", html);
        Assert.Contains("rate > 0: longs pay shorts", html);
        Assert.Contains("data-venue=\"paradex\" data-asset=\"BTC\"", html);
        Assert.Contains(">+0.0100</button>", html);
        Assert.Contains(">-1.0703</button>", html);
        Assert.Contains("class=\"fw-cell fw-stale\"", html);
        Assert.Contains("aria-label=\"not listed\"", html);
    }
}
