using System.Collections.Concurrent;
using System.Text.Json;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class AlertsBrowserTests(BrowserFixture browser)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RuleCreatedInTheUi_FaultKnobTripsIt_SecondBrowserIsNotifiedAndTheWebhookIsRetriedUntilDelivered()
    {
        // A webhook receiver on loopback that fails twice (503) and then accepts.
        await using var receiver = await LoopbackVenueServer.StartAsync();
        var received = new ConcurrentQueue<(JsonElement Body, string? Key, int Status)>();
        var failuresLeft = 2;
        receiver.Map("POST", "/desk-hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            var status = Interlocked.Decrement(ref failuresLeft) >= 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            context.Response.StatusCode = status;
            received.Enqueue((body, context.Request.Headers[WebhookDispatcher.IdempotencyHeader], status));
            return "{}";
        });
        await using var server = await FundingWebServer.StartAsync(
            ["--Alerts:Webhooks:BaseDelay=00:00:00.300", "--Alerts:Webhooks:JitterFraction=0", "--Alerts:Webhooks:AllowedHosts:0=127.0.0.1"]);
        var world = server.Services.GetRequiredService<SimulatedWorld>();

        // A colleague's dashboard is already open on another page, in another browser context.
        var colleague = await browser.NewPageAsync();
        await colleague.GotoAsync(server.BaseUrl + "/funding?asset=BTC");
        await LivePage.WaitForLiveAsync(colleague);

        // The rule is created in the UI.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/alerts");
        await LivePage.WaitForLiveAsync(page);
        await MudControls.ChooseAsync(page, "rule-kind", "Venue stale or degraded");
        await page.GetByTestId("rule-name").FillAsync("Lighter dark");
        await MudControls.ChooseAsync(page, "rule-venue", "Lighter");
        await page.GetByTestId("rule-minutes").FillAsync("0");
        await page.GetByTestId("rule-cooldown").FillAsync("0");
        await page.GetByTestId("rule-webhook").FillAsync(receiver.BaseUrl + "/desk-hook");
        await page.GetByTestId("rule-save").ClickAsync();

        var row = page.Locator("[data-testid=rules-table] tbody tr", new() { HasText = "Lighter dark" });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "clear");
        await Assertions.Expect(row).ToContainTextAsync("lighter stale or degraded for more than 0 min");
        Assert.Equal(0, await colleague.GetByTestId("alert-toast").CountAsync());

        // The simulator's fault knob: Lighter stops answering and goes stale.
        world.SetFailing("lighter", true);

        var toast = colleague.Locator("[data-testid=alert-toast][data-transition=fired]", new() { HasText = "Lighter dark" });
        await Assertions.Expect(toast).ToBeVisibleAsync(new() { Timeout = (float)Deadline.TotalMilliseconds });
        await Assertions.Expect(toast).ToContainTextAsync("lighter stale");
        await Assertions.Expect(colleague.GetByTestId("alerts-firing")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "firing");

        // The webhook: two refusals, then delivered once; the Alerts page says so without a reload.
        var fired = page.Locator("[data-testid=alert-history] tbody tr", new() { Has = page.Locator("[data-transition=fired]"), HasText = "Lighter dark" });
        await Assertions.Expect(fired.GetByTestId("delivery")).ToHaveAttributeAsync("data-delivery", "delivered", new() { Timeout = (float)Deadline.TotalMilliseconds });
        await Assertions.Expect(fired.GetByTestId("delivery")).ToContainTextAsync("delivered after 3 attempts");
        var posts = received.ToArray();
        Assert.Equal([503, 503, 200], posts.Select(p => p.Status));
        var key = await fired.Locator("[data-event]").GetAttributeAsync("data-event");
        Assert.All(posts, p => Assert.Equal(key, p.Key));
        var body = posts[^1].Body;
        Assert.Equal(key, body.GetProperty("id").GetString());
        Assert.Equal("Lighter dark", body.GetProperty("ruleName").GetString());
        Assert.Equal("venue_stale", body.GetProperty("kind").GetString());
        Assert.Equal("fired", body.GetProperty("transition").GetString());
        Assert.Equal("lighter", body.GetProperty("venue").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", body.GetProperty("time").GetString());

        // Lighter answers again: the rule clears, and the colleague hears that too.
        world.SetFailing("lighter", false);
        await Assertions.Expect(colleague.Locator("[data-testid=alert-toast][data-transition=cleared]", new() { HasText = "Lighter dark" }))
            .ToBeVisibleAsync(new() { Timeout = (float)Deadline.TotalMilliseconds });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "clear");
        await Assertions.Expect(colleague.GetByTestId("alerts-firing")).ToHaveAttributeAsync("data-count", "0");

        // The rule's name opens its own history.
        var ruleId = await row.GetAttributeAsync("data-rule");
        await row.GetByTestId("rule-history-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/alerts\\?rule={ruleId}$"));
        await Assertions.Expect(page.GetByTestId("history-filter")).ToHaveTextAsync("Lighter dark");
        var history = page.Locator("[data-testid=alert-history] tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        Assert.All(await history.AllAsync(), r => Assert.Equal(ruleId, r.Locator("[data-rule]").GetAttributeAsync("data-rule").GetAwaiter().GetResult()));

        // The page with a rule and its history, in both themes (a new browser each, so the history is read fresh).
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + "/alerts", "alerts",
            p => Assertions.Expect(p.Locator("[data-testid=alert-history] tbody tr", new() { Has = p.Locator("[data-transition]") })).ToHaveCountAsync(2));
    }

    [Fact]
    public async Task RuleForm_BadInputIsExplained_EditDisableAndDeleteAct()
    {
        // The test receiver is on loopback: allowed here, as a desk would allow its own relay.
        await using var server = await FundingWebServer.StartAsync(["--Alerts:Webhooks:AllowedHosts:0=127.0.0.1"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/alerts");
        await LivePage.WaitForLiveAsync(page);

        // Nothing typed: every missing field is named at the field (and in the summary), nothing is stored.
        await page.GetByTestId("rule-save").ClickAsync();
        var errors = page.GetByTestId("rule-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Name: give the rule a name.");
        await Assertions.Expect(errors).ToContainTextAsync("Threshold: enter a number (% APR (simple)).");
        await Assertions.Expect(MudControls.FieldError(page, "rule-name")).ToHaveTextAsync("Name: give the rule a name.");
        await Assertions.Expect(MudControls.FieldError(page, "rule-threshold")).ToHaveTextAsync("Threshold: enter a number (% APR (simple)).");
        await Assertions.Expect(MudControls.FieldError(page, "rule-cooldown")).ToHaveCountAsync(0);
        await page.GetByTestId("rule-name").FillAsync("BTC hot");
        await page.GetByTestId("rule-threshold").FillAsync("50");
        await page.GetByTestId("rule-webhook").FillAsync("ftp://desk");
        await page.GetByTestId("rule-save").ClickAsync();
        await Assertions.Expect(errors).ToContainTextAsync("Webhook: an absolute http:// or https:// URL");
        await Assertions.Expect(MudControls.FieldError(page, "rule-webhook")).ToContainTextAsync("Webhook: an absolute http:// or https:// URL");
        await Assertions.Expect(MudControls.FieldError(page, "rule-name")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator("[data-testid=rules-table] tbody tr").CountAsync());

        // "Send test" checks a URL before anything fires: one POST marked as a test, nothing recorded.
        await using var receiver = await LoopbackVenueServer.StartAsync();
        var bodies = new ConcurrentQueue<JsonElement>();
        receiver.Map("POST", "/hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            bodies.Enqueue(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone());
            return "{}";
        });
        await page.GetByTestId("rule-webhook").FillAsync(receiver.BaseUrl + "/hook");
        await page.GetByTestId("webhook-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-test-result")).ToContainTextAsync("Delivered: the receiver answered 2xx");
        var test = Assert.Single(bodies);
        Assert.Equal("test", test.GetProperty("transition").GetString());
        Assert.Equal("BTC hot", test.GetProperty("ruleName").GetString());
        Assert.Empty(await server.Services.GetRequiredService<AlertRepository>().GetDeliveriesAsync(DeliveryStatus.Delivered, default));
        // A failure is only a failure: no status, no reason, whatever the target (a 404 here; refused addresses alike).
        await page.GetByTestId("rule-webhook").FillAsync(receiver.BaseUrl + "/missing");
        await page.GetByTestId("webhook-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-test-result")).ToContainTextAsync("Failed: not delivered");
        await Assertions.Expect(page.GetByTestId("webhook-test-result")).Not.ToContainTextAsync("404");
        await page.GetByTestId("rule-webhook").FillAsync("http://169.254.169.254/latest/meta-data/");
        await page.GetByTestId("webhook-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-test-result")).ToContainTextAsync("Failed: not delivered");

        await page.GetByTestId("rule-webhook").FillAsync("");
        await page.GetByTestId("rule-save").ClickAsync();
        var row = page.Locator("[data-testid=rules-table] tbody tr", new() { HasText = "BTC hot" });
        await Assertions.Expect(row).ToContainTextAsync("BTC funding on any venue above 50 % APR (simple)");
        var repository = server.Services.GetRequiredService<AlertRepository>();
        var stored = Assert.IsType<FundingThresholdRule>(Assert.Single(await repository.GetRulesAsync(default)));
        Assert.Equal(0.5, stored.Threshold, 12);

        // Edit at the 8h basis: 0.01 % per 8h is stored as 0.0001.
        await row.GetByTestId("edit-rule").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule-name")).ToHaveValueAsync("BTC hot");
        await MudControls.ChooseAsync(page, "rule-basis", "% per 8h");
        await page.GetByTestId("rule-threshold").FillAsync("0.01");
        await page.GetByTestId("rule-save").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("above 0.01 % per 8h");
        stored = Assert.IsType<FundingThresholdRule>(Assert.Single(await repository.GetRulesAsync(default)));
        Assert.Equal(0.0001, stored.Threshold, 12);

        await row.GetByTestId("toggle-rule").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "disabled");
        Assert.False(Assert.Single(await repository.GetRulesAsync(default)).Enabled);

        await row.GetByTestId("delete-rule").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rules-table] tbody tr")).ToHaveCountAsync(0);
        Assert.Empty(await repository.GetRulesAsync(default));
    }
}
