using System.Buffers.Binary;
using System.Xml.Linq;
using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>Chart downloads happen in the browser (ApexCharts' exporter); the files are checked as a user would open them.</summary>
[Collection(BrowserCollection.Name)]
public class ExportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task FundingHistory_DownloadPngAndSvg_RealFilesOfTheChart()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=3"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/funding?asset=BTC&range=24h&venues=dydx,hyperliquid");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-funding-history]')?.__fwChart?.w?.globals?.seriesNames?.length === 4");
        var chart = page.GetByTestId("chart-funding-history");
        var width = await page.EvaluateAsync<int>("() => Math.round(document.querySelector('[data-testid=chart-funding-history]').__fwChart.w.globals.svgWidth)");
        var height = await page.EvaluateAsync<int>("() => Math.round(document.querySelector('[data-testid=chart-funding-history]').__fwChart.w.globals.svgHeight)");
        var frame = page.Locator(".fw-chart-frame", new() { Has = chart });

        var png = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-png").ClickAsync());
        Assert.Equal("funding-BTC-24h.png", png.SuggestedFilename);
        var pngBytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, pngBytes[..8]);
        // IHDR: width and height, big-endian, right after the signature and chunk header.
        var pngWidth = BinaryPrimitives.ReadInt32BigEndian(pngBytes.AsSpan(16, 4));
        var pngHeight = BinaryPrimitives.ReadInt32BigEndian(pngBytes.AsSpan(20, 4));
        Assert.Equal(width, pngWidth, tolerance: 2);
        Assert.Equal(height, pngHeight, tolerance: 2);

        var svg = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-svg").ClickAsync());
        Assert.Equal("funding-BTC-24h.svg", svg.SuggestedFilename);
        var document = XDocument.Parse(await File.ReadAllTextAsync((await svg.PathAsync())!));
        Assert.Equal("svg", document.Root!.Name.LocalName);
        var text = string.Concat(document.Descendants().Where(e => !e.HasElements).Select(e => e.Value + " " + string.Join(" ", e.Attributes().Select(a => a.Value))));
        Assert.Contains("dYdX v4 settled", text);
        Assert.Contains("Hyperliquid quoted", text);
    }
}
