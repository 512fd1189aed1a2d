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

    private const string HoldsPoints = $"() => ({Chart}?.__fwChart?.describe?.()?.points ?? 0) > 0";
    private const string LayerDrew = $"() => Object.values({Chart}?.__fwChart?.describe?.()?.layerDrawn ?? {{}}).some(d => d.length > 0)";

    private readonly FundingWebServer _server = fixture.Server;

    /// <summary>A new page on the 7-day BTC ladder, once <paramref name="ready"/> holds.</summary>
    private async Task<IPage> LadderPageAsync(string ready)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/liquidations?asset=BTC&range=7d");
        await page.WaitForFunctionAsync(ready);
        return page;
    }

    /// <summary>Frozen: no rebuild lands after this.</summary>
    private static async Task PauseAsync(IPage page)
    {
        await page.GetByTestId("pause").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pause")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task Rebuilds_PatchTheLadderWithoutAFullRedraw_AndTheChartHoldsTheServersLadder()
    {
        var page = await LadderPageAsync(HoldsPoints);
        await LivePage.WaitForLiveAsync(page);
        await page.EvaluateAsync($"() => {{ {Chart}.__fwChart.instance.__fwTag = 'original'; }}");
        var folds = await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().folds");
        var updates = await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().updates");

        // Two rebuilds (one every 5 s; the simulated price moves every poll, so each one changes the ladder).
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().updates") >= updates + 2,
            TimeSpan.FromSeconds(40), "two rebuilds of the ladder");
        Assert.Equal(folds, await page.EvaluateAsync<int>($"() => {Chart}.__fwChart.describe().folds"));
        Assert.Equal("original", await page.EvaluateAsync<string>($"() => {Chart}.__fwChart.instance.__fwTag"));
        // The layer draws what the module holds (the engine's series hold no data: a rebuild never updates the engine),
        // and the paint is there: each bar series' tallest bar has its own colour at its middle.
        Assert.Equal("", await page.EvaluateAsync<string>($$"""
            () => {
              const c = {{Chart}}.__fwChart;
              const d = c.describe();
              const problems = [];
              const engine = c.instance.getOption();
              if (!engine.series.every(s => (s.data ?? []).length === 0)) problems.push('the engine holds data');
              const canvas = {{Chart}}.querySelector('canvas[data-layer=data]');
              const g = canvas.getContext('2d');
              const ratio = canvas.width / canvas.clientWidth;
              engine.series.filter(s => s.type === 'bar' || s.type === 'scatter').forEach(s => {
                const held = d.data[s.name].filter(p => Array.isArray(p) && p[1] !== null);
                const drawn = d.layerDrawn[s.name] ?? [];
                const value = (q) => s.type === 'bar' ? q[2] - q[1] : q[1];
                if (drawn.length !== held.length || !drawn.every((q, i) => q[0] === held[i][0] && Math.abs(value(q) - held[i][1]) < 1e-9))
                  problems.push(`${s.name}: drew ${drawn.length}, holds ${held.length}`);
                if (s.type !== 'bar' || drawn.length === 0) return;
                const tallest = drawn.reduce((a, q) => value(q) > value(a) ? q : a);
                const [x, y] = c.instance.convertToPixel({ gridIndex: 0 }, [tallest[0], (tallest[1] + tallest[2]) / 2]);
                const [r, gr, b, a] = g.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
                const hex = s.color.replace('#', '');
                const want = [0, 2, 4].map(k => parseInt(hex.slice(k, k + 2), 16));
                if (a < 250 || Math.abs(r - want[0]) > 2 || Math.abs(gr - want[1]) > 2 || Math.abs(b - want[2]) > 2)
                  problems.push(`${s.name}: pixel ${r},${gr},${b},${a} at its tallest bar, want ${want}`);
              });
              return problems.join('; ');
            }
            """));

        await page.Locator("[data-testid=chart-liquidation-ladder]").ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "liquidations-ladder-patched-dark.png"),
        });

        // Frozen, the chart's data and the server's copy of it (what a CSV is made from) are the same ladder.
        await PauseAsync(page);
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
        var page = await LadderPageAsync(HoldsPoints);

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

    [Fact]
    public async Task HoveringABin_ShowsItsPriceAndEachSeriesFigure_AndLeavingHidesIt()
    {
        var page = await LadderPageAsync(LayerDrew);
        await PauseAsync(page);
        // The tallest bar of the first bar series, in page pixels.
        var at = await page.EvaluateAsync<double[]>($$"""
            () => {
              const c = {{Chart}}.__fwChart;
              const d = c.describe();
              const name = d.seriesNames.find(n => (d.layerDrawn[n] ?? []).length > 0 && d.layerDrawn[n][0].length === 3);
              const q = d.layerDrawn[name].reduce((a, q) => q[2] - q[1] > a[2] - a[1] ? q : a);
              const [x, y] = c.instance.convertToPixel({ gridIndex: 0 }, [q[0], (q[1] + q[2]) / 2]);
              const box = {{Chart}}.getBoundingClientRect();
              return [box.left + x, box.top + y, q[0], q[2] - q[1], d.seriesNames.indexOf(name)];
            }
            """);
        var name = (await page.EvaluateAsync<string[]>($"() => {Chart}.__fwChart.describe().seriesNames"))[(int)at[4]];
        await page.Mouse.MoveAsync((float)at[0], (float)at[1]);
        var tip = page.Locator("[data-testid=chart-liquidation-ladder] [data-testid=chart-tip]");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync(at[2].ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(tip).ToContainTextAsync($"{name}: {at[3].ToString("0.00", CultureInfo.InvariantCulture)} M");
        await page.Mouse.MoveAsync(2, 2);
        await Assertions.Expect(tip).ToBeHiddenAsync();
    }

    [Fact]
    public async Task LayerRules_Table_AxesStayWhileTheDataFits_PilesSkipHiddenSeries_TheTipNamesTheBin()
    {
        var page = await LadderPageAsync(HoldsPoints);
        var failures = await page.EvaluateAsync<string[]>("""
            async () => {
              const base = document.baseURI;
              const { settledExtent } = await import(new URL('js/charts/extent.js', base));
              const { drawData } = await import(new URL('js/charts/bars.js', base));
              const { tipAt } = await import(new URL('js/charts/tip.js', base));
              const out = [];
              const e = (lo, hi, dlo, dhi) => ({ min: lo, max: hi, step: (hi - lo) / 5, ...(dlo === undefined ? {} : { d: { min: dlo, max: dhi } }) });
              const next = (x, y) => ({ x, y, data: { x: x.d, y: y.d } });
              const held = { x: e(100, 200), y: e(0, 10) };
              const cases = [
                ['no axes yet', null, next(e(110, 190, 115, 185), e(0, 10, 0, 9)), 'new', 'new'],
                ['fits both', held, next(e(110, 190, 115, 185), e(0, 10, 0, 9)), 'held', 'held'],
                ['data past the right end', held, next(e(120, 220, 125, 205), e(0, 10, 0, 9)), 'new', 'held'],
                ['data past the left end', held, next(e(80, 190, 95, 185), e(0, 10, 0, 9)), 'new', 'held'],
                ['shrunk below 60 %', held, next(e(140, 190, 145, 185), e(0, 10, 0, 9)), 'new', 'held'],
                ['exactly 60 %', held, next(e(120, 180, 121, 179), e(0, 10, 0, 9)), 'held', 'held'],
                ['taller than the y axis', held, next(e(110, 190, 115, 185), e(0, 20, 0, 11)), 'held', 'new'],
                ['much lower', held, next(e(110, 190, 115, 185), e(0, 4, 0, 3.5)), 'held', 'new'],
              ];
              for (const [name, h, n, wx, wy] of cases) {
                const got = settledExtent(h, n);
                const gx = got.x === (h?.x) ? 'held' : got.x === n.x ? 'new' : '?';
                const gy = got.y === (h?.y) ? 'held' : got.y === n.y ? 'new' : '?';
                if (gx !== wx || gy !== wy) out.push(`${name}: x ${gx} (want ${wx}), y ${gy} (want ${wy})`);
              }
              if (settledExtent(held, null) !== null) out.push('no data: not null');
              // Piles: a stack of two series, the first hidden; a series of its own; a scatter; bad points skipped.
              const p = { left: 0, top: 0, width: 100, height: 100, px: (x) => x, py: (y) => 100 - y };
              const g = document.createElement('canvas').getContext('2d');
              const spec = { kind: 'bar', xType: 'numeric', yDecimals: 2, yUnit: ' M', xDecimals: 0 };
              const series = [
                { name: 'a', stack: 's', data: [[10, 5], [20, 6]] },
                { name: 'b', stack: 's', data: [[10, 1], [20, null], [30, NaN]] },
                { name: 'c', stack: 's', data: [[10, 2], [20, 3]] },
                { name: 'r', type: 'scatter', data: [[11, 4], [50, 7], null] },
              ];
              const state = { spec, series };
              const shown = drawData(g, state, p, ['#000000'], new Set(['a']));
              const want = { b: [[10, 0, 1]], c: [[10, 1, 3], [20, 0, 3]], r: [[11, 4], [50, 7]] };
              if (JSON.stringify(shown.drawn) !== JSON.stringify(want)) out.push(`piles: ${JSON.stringify(shown.drawn)}`);
              if (shown.width !== 9) out.push(`bar width ${shown.width}, want 9`);
              const all = drawData(g, state, p, ['#000000'], new Set());
              if (JSON.stringify(all.drawn.c) !== JSON.stringify([[10, 6, 8], [20, 6, 9]])) out.push(`piles, all shown: ${JSON.stringify(all.drawn.c)}`);
              const colors = ['#111111', '#222222', '#333333', '#444444'];
              const tip = tipAt(state, p, shown.drawn, shown.width, 12, 50, colors);
              const text = tip ? [tip.head, ...tip.rows.map(r => `${r.name}=${r.text}`)].join('|') : 'none';
              if (text !== '10|b=1.00 M|c=2.00 M|r=4.00 M') out.push(`tip at a bin: ${text}`);
              const point = tipAt(state, p, shown.drawn, shown.width, 51, 92, colors);
              const pointText = point ? [point.head, ...point.rows.map(r => `${r.name}=${r.text}`)].join('|') : 'none';
              if (pointText !== '50|r=7.00 M') out.push(`tip at a point: ${pointText}`);
              if (tipAt(state, p, shown.drawn, shown.width, 75, 50, colors) !== null) out.push('tip over nothing');
              if (tipAt(state, p, shown.drawn, shown.width, 150, 50, colors) !== null) out.push('tip outside the plot');
              if (tipAt(state, null, shown.drawn, shown.width, 10, 50, colors) !== null) out.push('tip without axes');
              return out;
            }
            """);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task PngExport_TheEngineDrawsTheLayersDataForThePicture_AndHoldsNoneAfterIt()
    {
        var page = await LadderPageAsync(LayerDrew);
        await LivePage.WaitForLiveAsync(page);
        // Frozen, so no rebuild lands between the picture and the reads below.
        await PauseAsync(page);
        // What the engine holds at the moment it makes the picture.
        await page.EvaluateAsync($$"""
            () => {
              const chart = {{Chart}}.__fwChart.instance;
              const make = chart.getDataURL.bind(chart);
              chart.getDataURL = (o) => { window.__fwAtPicture = chart.getOption().series.map(s => (s.data ?? []).length); return make(o); };
            }
            """);
        var frame = page.Locator(".fw-chart-frame", new() { Has = page.GetByTestId("chart-liquidation-ladder") });
        var download = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-png").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var held = await page.EvaluateAsync<int[]>($"() => {Chart}.__fwChart.describe().seriesNames.map(n => ({Chart}.__fwChart.describe().data[n] ?? []).length)");
        var atPicture = await page.EvaluateAsync<int[]>("() => window.__fwAtPicture");
        // Every series with data had it in the picture (the marker series, last, holds none); none is left in the engine after.
        Assert.Equal(held, atPicture[..held.Length]);
        Assert.Contains(held, n => n > 0);
        Assert.All(await page.EvaluateAsync<int[]>($"() => {Chart}.__fwChart.instance.getOption().series.map(s => (s.data ?? []).length)"), n => Assert.Equal(0, n));
    }
}
