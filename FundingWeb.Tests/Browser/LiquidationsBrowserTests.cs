using System.Globalization;
using System.Text.Json;
using FundingWeb.Model.Charts;
using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>
/// The ladder's rebuilds in a real browser: each goes to the chart as a patch of the bins that changed, never as a full
/// redraw, and leaves the chart holding exactly the ladder the server built; the module applies a patch by the same rule
/// the server's diff is checked against.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class LiquidationsBrowserTests(BrowserFixture browser, DashboardBrowserTests.ServerFixture fixture) : IClassFixture<DashboardBrowserTests.ServerFixture>
{
    private const string Chart = "document.querySelector('[data-testid=chart-liquidation-ladder]')";

    private readonly FundingWebServer _server = fixture.Server;

    [Fact]
    public async Task Rebuilds_PatchTheLadderWithoutAFullRedraw_AndTheChartHoldsTheServersLadder()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/liquidations?asset=BTC&range=7d");
        await page.WaitForFunctionAsync($"() => ({Chart}?.__fwChart?.describe?.()?.points ?? 0) > 0");
        await LivePage.WaitForLiveAsync(page);
        await page.EvaluateAsync($"() => {{ {Chart}.__fwChart.instance.__fwTag = 'original'; }}");
        var folds = await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().folds");
        var updates = await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().updates");

        // Two rebuilds (one every 5 s; the simulated price moves every poll, so each one changes the ladder).
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().updates") >= updates + 2,
            TimeSpan.FromSeconds(40), "two rebuilds of the ladder");
        Assert.Equal(folds, await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().folds"));
        Assert.Equal("original", await page.EvaluateAsync<string>($"() => {Chart}.__fwChart.instance.__fwTag"));
        // The engine holds what the module holds: the patched bars are the ones drawn.
        Assert.True(await page.EvaluateAsync<bool>($$"""
            () => {
              const c = {{Chart}}.__fwChart;
              const held = c.describe().data;
              return c.instance.getOption().series.filter(s => s.type === 'bar').every(s => JSON.stringify(s.data) === JSON.stringify(held[s.name]));
            }
            """));

        await page.Locator("[data-testid=chart-liquidation-ladder]").ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "liquidations-ladder-patched-dark.png"),
        });

        // Frozen, the chart's data and the server's copy of it (what a CSV is made from) are the same ladder.
        await page.GetByTestId("pause").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pause")).ToHaveAttributeAsync("aria-pressed", "true");
        var frame = page.Locator(".fw-chart-frame", new() { Has = page.GetByTestId("chart-liquidation-ladder") });
        var download = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.SkipWhile(l => l.StartsWith('#')).Skip(1).Select(l => l.Split(','))
            .Select(c => (Series: c[1], Point: new[] { double.Parse(c[0], CultureInfo.InvariantCulture), double.Parse(c[2], CultureInfo.InvariantCulture) }))
            .ToList();
        var shown = JsonSerializer.Deserialize<Dictionary<string, double[][]>>(await page.EvaluateAsync<string>($"() => JSON.stringify({Chart}.__fwChart.describe().data)"))!;
        Assert.Equal(5, shown.Count);
        foreach (var (name, data) in shown)
        {
            var server = rows.Where(r => r.Series == name).Select(r => r.Point).ToList();
            Assert.True(data.Length == server.Count && data.Zip(server).All(p => p.First.SequenceEqual(p.Second)),
                $"{name}: the browser holds {data.Length} points, the server {server.Count}, or they differ");
        }
    }

    [Fact]
    public async Task PatchRule_RandomRebuilds_TheModuleTurnsTheHeldSeriesIntoTheNewOnes()
    {
        var cases = Enumerable.Range(0, 400).Select(seed =>
        {
            var (held, next) = SeriesPatchCases.Rebuild(seed);
            return new
            {
                seed,
                held = held.Select(s => new { id = s.Id, data = s.Data }),
                patches = SeriesDiff.Between(held, next),
                next = next.Select(s => s.Data),
            };
        }).ToList();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/liquidations?asset=BTC&range=7d");
        await page.WaitForFunctionAsync($"() => ({Chart}?.__fwChart?.describe?.()?.points ?? 0) > 0");

        var failed = await page.EvaluateAsync<int[]>("""
            async (json) => {
              const { applyPatches } = await import(new URL('js/charts/patch.js', document.baseURI));
              const same = (a, b) => a.length === b.length && a.every((p, i) => Array.isArray(p) ? p[0] === b[i][0] && p[1] === b[i][1] : p === b[i]);
              return JSON.parse(json).filter(c => {
                const series = c.held.map(s => ({ id: s.id, data: s.data }));
                applyPatches(series, c.patches);
                return !series.every((s, i) => same(s.data, c.next[i]));
              }).map(c => c.seed);
            }
            """, JsonSerializer.Serialize(new ChartPayload(cases), new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        Assert.Empty(failed);
    }
}
