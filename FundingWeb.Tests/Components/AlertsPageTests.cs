using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Model;
using FundingWeb.Tests.Core.Alerts;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Alerts page rendered from its URL over the app's services and a real SQLite file, on the manual clock.</summary>
[Trait("Category", "Fast")]
public sealed class AlertsPageTests : AppServicesContext
{
    /// <summary>Where each form field is on the page (the model names fields by property; the page by test id).</summary>
    private static readonly Dictionary<string, string> TestIds = new()
    {
        [nameof(AlertRuleForm.Name)] = "rule-name", [nameof(AlertRuleForm.Kind)] = "rule-kind", [nameof(AlertRuleForm.Asset)] = "rule-asset",
        [nameof(AlertRuleForm.Venue)] = "rule-venue", [nameof(AlertRuleForm.Direction)] = "rule-direction", [nameof(AlertRuleForm.Basis)] = "rule-basis",
        [nameof(AlertRuleForm.ThresholdPercent)] = "rule-threshold", [nameof(AlertRuleForm.MinNotionalUsd)] = "rule-notional",
        [nameof(AlertRuleForm.Minutes)] = "rule-minutes", [nameof(AlertRuleForm.RuleIds)] = "rule-members", [nameof(AlertRuleForm.Required)] = "rule-required",
        [nameof(AlertRuleForm.HysteresisPercent)] = "rule-hysteresis", [nameof(AlertRuleForm.CooldownMinutes)] = "rule-cooldown",
        [nameof(AlertRuleForm.WebhookUrl)] = "rule-webhook", [nameof(AlertRuleForm.Enabled)] = "rule-enabled",
    };

    private AlertRepository Repository => Services.GetRequiredService<AlertRepository>();
    private AlertMonitor Monitor => Services.GetRequiredService<AlertMonitor>();

    private bool _started;

    private async Task StartMonitorAsync()
    {
        if (_started) return;
        _started = true;
        await Monitor.StartAsync(default);
    }

    private async Task<IRenderedComponent<Alerts>> OpenAsync(string url = "/alerts")
    {
        await StartMonitorAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Alerts>();
    }

    private static async Task ChooseKindAsync(IRenderedComponent<Alerts> cut, AlertRuleKind kind)
    {
        // What clicking the item in MudSelect's popover does.
        var select = cut.FindComponent<MudSelect<AlertRuleKind>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(kind));
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public async Task KindSwitch_ShowsExactlyTheKindsFields_AndSaveNamesEachBadFieldAtItsField(AlertRuleKind kind)
    {
        var cut = await OpenAsync();
        await ChooseKindAsync(cut, kind);

        var expected = new AlertRuleForm();
        expected.SetKind(kind);
        var shown = TestIds.Where(f => cut.Has(f.Value)).Select(f => f.Key).Order().ToList();
        Assert.Equal(expected.Fields.Order(), shown);

        // An empty name (and whatever else this kind needs): the fields say what the model says, field by field.
        await cut.Find("[data-testid=rule-save]").ClickAsync(new());
        var form = cut.FindComponent<AlertRuleEditor>().Instance.Form;
        var errors = form.Validate();
        Assert.Contains(errors, e => e.Field == nameof(AlertRuleForm.Name));
        cut.WaitForAssertion(() =>
        {
            foreach (var (field, testId) in TestIds.Where(f => cut.Has(f.Value)))
            {
                var said = string.Join(" ", FieldErrors.Of(errors, field));
                Assert.Equal(said.Length == 0 ? null : said, cut.ErrorAt(testId));
            }
        });
        Assert.All(errors, e => Assert.Contains(e.Message, cut.Find("[data-testid=rule-errors]").TextContent));
        Assert.Empty(await Repository.GetRulesAsync(default));
    }

    public static TheoryData<AlertRuleKind> EveryKind() => [.. AlertRuleEditor.Kinds.Select(k => k.Kind)];

    [Fact]
    public void Kinds_TheFormOffersEveryKindTheEvaluatorKnows() =>
        Assert.Equal(Enum.GetValues<AlertRuleKind>().Order(), AlertRuleEditor.Kinds.Select(k => k.Kind).Order());

    [Fact]
    public async Task Save_ValidRule_StoredAndListedAndTheFormStartsOver()
    {
        var cut = await OpenAsync();
        await cut.InvokeAsync(() =>
        {
            var form = cut.FindComponent<AlertRuleEditor>().Instance.Form;
            (form.Name, form.ThresholdPercent, form.Asset) = ("BTC hot", 50, "BTC");
        });
        await cut.Find("[data-testid=rule-save]").ClickAsync(new());

        var stored = Assert.IsType<FundingThresholdRule>(Assert.Single(await Eventually.GetAsync(async () =>
            (await Repository.GetRulesAsync(default)) is { Count: > 0 } r ? r : null, TimeSpan.FromSeconds(10), "the rule stored")));
        Assert.Equal(0.5, stored.Threshold, 12);
        cut.WaitForAssertion(() => Assert.Contains("BTC funding on any venue above 50 % APR (simple)", cut.Find($"tr[data-rule='{stored.Id}']").TextContent));
        Assert.Equal("", cut.FindComponent<AlertRuleEditor>().Instance.Form.Name);
        Assert.False(cut.Has("rule-errors"));
    }

    [Fact]
    public async Task RulesTable_Tick_RendersOnlyTheRowWhoseValueMoved()
    {
        await Repository.UpsertRuleAsync(new FundingThresholdRule { Id = "btc", Name = "BTC", Asset = "BTC", Threshold = 5, Basis = RateBasis.Apr }, default);
        await Repository.UpsertRuleAsync(new FundingThresholdRule { Id = "eth", Name = "ETH", Asset = "ETH", Threshold = 5, Basis = RateBasis.Apr }, default);
        var cut = await OpenAsync();
        var world = new AlertWorld().Rate("dydx", "BTC", AlertWorld.Apr(0.10)).Rate("dydx", "ETH", AlertWorld.Apr(0.20));
        Hub.Publish(_ => world.Snapshot());
        await Monitor.EvaluateNowAsync();
        Time.Advance(AlertRulesTable.RepaintEvery);
        cut.WaitForAssertion(() => Assert.Equal("+10 % APR (simple)", cut.Find("tr[data-rule=btc] [data-testid=rule-value]").TextContent.Trim()));
        var rows = cut.FindComponents<AlertRuleRow>().ToDictionary(r => r.Instance.View.Id);
        var before = rows.ToDictionary(r => r.Key, r => r.Value.RenderCount);

        world.Rate("dydx", "ETH", AlertWorld.Apr(0.30));
        Hub.Publish(_ => world.Snapshot());
        await Monitor.EvaluateNowAsync();
        Time.Advance(AlertRulesTable.RepaintEvery);

        cut.WaitForAssertion(() => Assert.Equal("+30 % APR (simple)", cut.Find("tr[data-rule=eth] [data-testid=rule-value]").TextContent.Trim()));
        Assert.Equal(before["eth"] + 1, rows["eth"].RenderCount);
        Assert.Equal(before["btc"], rows["btc"].RenderCount);
    }

    [Fact]
    public async Task History_EachDeliveryState_SaidInTheGridAndLiveOnTheFeed()
    {
        // Started first: a monitor starting later would resume the pending deliveries below and change them under the test.
        await StartMonitorAsync();
        await Repository.UpsertRuleAsync(new VenueStaleRule { Id = "r", Name = "Lighter dark", Venue = "lighter", WebhookUrl = "https://hooks.example/x" }, default);
        var t0 = Time.GetUtcNow().ToUnixTimeMilliseconds();
        AlertTransition T(int i) => new("r", "Lighter dark", AlertRuleKind.VenueStale, i % 2 == 0 ? AlertTransitionKind.Fired : AlertTransitionKind.Cleared, i, "why " + i, "lighter", null, t0 + i * 1000);
        await Repository.RecordAsync([T(0), T(1), T(2), T(3)], [], default);
        await Repository.UpsertDeliveryAsync(new WebhookDelivery(T(0).Key, "https://hooks.example/x", DeliveryStatus.Delivered, 3, null, t0, t0 + 5, t0), default);
        await Repository.UpsertDeliveryAsync(new WebhookDelivery(T(1).Key, "https://hooks.example/x", DeliveryStatus.Failed, 8, "HTTP 500", t0, null, t0), default);
        await Repository.UpsertDeliveryAsync(new WebhookDelivery(T(2).Key, "https://hooks.example/x", DeliveryStatus.Pending, 2, "timed out", t0, null, t0), default);
        await Repository.UpsertDeliveryAsync(new WebhookDelivery(T(3).Key, "https://hooks.example/x", DeliveryStatus.Pending, 0, null, null, null, t0), default);

        var cut = await OpenAsync("/alerts?rule=r");

        string Delivery(int i) => cut.Find($"[data-event='{T(i).Key}']").Closest("tr")!.QuerySelector("[data-testid=delivery]")!.GetAttribute("data-delivery")!;
        cut.WaitForAssertion(() => Assert.Equal(["delivered", "failed", "retrying", "pending"], Enumerable.Range(0, 4).Select(Delivery)));
        Assert.Contains("retrying (2 attempts so far; last: timed out)", cut.Find($"[data-event='{T(2).Key}']").Closest("tr")!.TextContent);
        Assert.Equal("Lighter dark", cut.Find("[data-testid=history-filter]").TextContent);
        Assert.Equal(FundingUrls.Alerts(), cut.Find("[data-testid=history-all]").GetAttribute("href"));
        // Newest first.
        Assert.Equal(T(3).Key, cut.FindAll("[data-event]")[0].GetAttribute("data-event"));

        // A webhook attempt recorded later reaches the open page through the feed, without a reload.
        await Repository.UpsertDeliveryAsync(new WebhookDelivery(T(3).Key, "https://hooks.example/x", DeliveryStatus.Delivered, 1, null, t0, t0 + 9, t0), default);
        Services.GetRequiredService<AlertFeed>().NotifyChanged();
        Time.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("delivered", Delivery(3)));
    }

    [Fact]
    public async Task History_OtherRulesFilteredOut_ByTheRuleInTheUrl()
    {
        await Repository.RecordAsync(
        [
            new AlertTransition("a", "A", AlertRuleKind.VenueStale, AlertTransitionKind.Fired, 1, "a", null, null, Time.GetUtcNow().ToUnixTimeMilliseconds() - 2_000),
            new AlertTransition("b", "B", AlertRuleKind.VenueStale, AlertTransitionKind.Fired, 1, "b", null, null, Time.GetUtcNow().ToUnixTimeMilliseconds() - 1_000),
        ], [], default);
        var cut = await OpenAsync(FundingUrls.Alerts("a"));
        cut.WaitForAssertion(() => Assert.Equal(["a"], cut.FindAll("[data-event]").Select(e => e.GetAttribute("data-rule"))));
    }

    [Fact]
    public async Task Dispose_Page_UnsubscribesFromTheHub()
    {
        await Monitor.StartAsync(default);
        var baseline = Hub.SubscriberCount;
        Render<Alerts>();
        Assert.True(Hub.SubscriberCount > baseline);
        await DisposeComponentsAsync();
        Assert.Equal(baseline, Hub.SubscriberCount);
    }
}
