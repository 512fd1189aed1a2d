using System.Buffers.Binary;
using System.Xml.Linq;
using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>Chart downloads happen in the browser (our chart module over ECharts); the files are checked as a user would open them.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ExportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task FundingHistory_DownloadPngAndSvg_RealFilesOfTheChart()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=3"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/funding?asset=BTC&range=24h&venues=dydx,hyperliquid");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-funding-history]')?.__fwChart?.describe?.()?.seriesNames?.filter(n => !n.endsWith('(CEX reference)')).length === 4");
        var chart = page.GetByTestId("chart-funding-history");
        var width = await page.EvaluateAsync<int>("() => Math.round(document.querySelector('[data-testid=chart-funding-history]').__fwChart.describe().width)");
        var height = await page.EvaluateAsync<int>("() => Math.round(document.querySelector('[data-testid=chart-funding-history]').__fwChart.describe().height)");
        var frame = page.Locator(".fw-chart-frame", new() { Has = chart });

        var png = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-png").ClickAsync());
        Assert.Equal("funding-BTC-24h.png", png.SuggestedFilename);
        var pngBytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, pngBytes[..8]);
        // IHDR: width and height, big-endian, right after the signature and chunk header.
        var pngWidth = BinaryPrimitives.ReadInt32BigEndian(pngBytes.AsSpan(16, 4));
        var pngHeight = BinaryPrimitives.ReadInt32BigEndian(pngBytes.AsSpan(20, 4));
        // Drawn at twice the screen's pixels, so it stays sharp in a report.
        Assert.Equal(2 * width, pngWidth, tolerance: 4);
        Assert.Equal(2 * height, pngHeight, tolerance: 4);

        var svg = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-svg").ClickAsync());
        Assert.Equal("funding-BTC-24h.svg", svg.SuggestedFilename);
        var document = XDocument.Parse(await File.ReadAllTextAsync((await svg.PathAsync())!));
        Assert.Equal("svg", document.Root!.Name.LocalName);
        var text = string.Concat(document.Descendants().Where(e => !e.HasElements).Select(e => e.Value + " " + string.Join(" ", e.Attributes().Select(a => a.Value))));
        Assert.Contains("dYdX v4 settled", text);
        Assert.Contains("Hyperliquid quoted", text);
    }

    [Fact]
    public async Task Slippage_DownloadCsv_RowsEqualWhatTheChartShowsIncludingNegatives()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=5"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/funding?asset=BTC&range=7d&window=8h&basis=8h");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-slippage]')?.__fwChart?.describe?.()?.seriesNames?.length === 6");
        var shown = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double[][]>>(await page.EvaluateAsync<string>(
            "() => JSON.stringify(document.querySelector('[data-testid=chart-slippage]').__fwChart.describe().data)"))!;
        var frame = page.Locator(".fw-chart-frame", new() { Has = page.GetByTestId("chart-slippage") });

        var download = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-csv").ClickAsync());
        Assert.Equal("funding-slippage-BTC-8h.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines.TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.StartsWith("# basis: 8h"));
        Assert.Contains(header, l => l.StartsWith("# venue:") && l.Contains("Hyperliquid"));
        Assert.Contains(header, l => l.StartsWith("# market:") && l.Contains("BTC"));
        Assert.Contains(header, l => l.StartsWith("# unit:"));
        var columns = lines[header.Count].Split(',');
        Assert.Equal(["time_utc", "series", "value", "basis", "unit"], columns[..5]);
        var rows = lines.Skip(header.Count + 1).Select(ParseRow).ToList();

        Assert.Equal(shown.Values.Sum(d => d.Length), rows.Count);
        foreach (var (name, data) in shown)
        {
            var mine = rows.Where(r => r.Series == name).ToList();
            Assert.Equal(data.Length, mine.Count);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds((long)data[0][0]), mine[0].Time);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds((long)data[^1][0]), mine[^1].Time);
            Assert.Equal(data.Select(p => p[1]), mine.Select(r => r.Value));
        }
        // Negative values stay numbers: no formula escaping, no quotes.
        var negatives = shown.Values.SelectMany(d => d).Count(p => p[1] < 0);
        Assert.True(negatives > 0, "the slippage chart has negative values to check");
        Assert.Equal(negatives, rows.Count(r => r.Value < 0));
        Assert.DoesNotContain(lines, l => l.Contains(",'-"));

        var zip = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-all").ClickAsync());
        using var archive = System.IO.Compression.ZipFile.OpenRead((await zip.PathAsync())!);
        Assert.Equal(["funding-BTC-7d.csv", "funding-slippage-BTC-8h.csv", "term-structure-BTC.csv"], archive.Entries.Select(e => e.FullName).Order());
    }

    private static (DateTimeOffset Time, string Series, double Value) ParseRow(string line)
    {
        // Series names hold no commas or quotes here; values are plain invariant numbers.
        var cells = line.Split(',');
        return (DateTimeOffset.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), cells[1],
            double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
