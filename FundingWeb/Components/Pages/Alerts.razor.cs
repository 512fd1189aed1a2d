using System.Globalization;
using System.Security.Cryptography;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// Rules (create, edit, enable, delete), their live state, and the history with webhook delivery status. Rules and
/// states are read from the monitor in memory; history is read from SQLite when the alert feed says something changed
/// (a transition, a rule edit, a webhook attempt), never per market tick.
/// </summary>
public sealed partial class Alerts : ComponentBase, IDisposable
{
    public const string Path = "/alerts";

    public const int HistoryRows = 200;

    private static readonly (AlertRuleKind Kind, string Label)[] Kinds =
    [
        (AlertRuleKind.FundingThreshold, "Funding above / below a threshold"),
        (AlertRuleKind.FundingFlip, "Funding sign flip"),
        (AlertRuleKind.Spread, "Cross-venue spread sustained"),
        (AlertRuleKind.OpenInterestChange, "Open interest change over a window"),
        (AlertRuleKind.LadderProximity, "Price near a liquidation cluster"),
        (AlertRuleKind.VenueStale, "Venue stale or degraded"),
        (AlertRuleKind.Composite, "Two (or N) of these within M minutes"),
        (AlertRuleKind.ConventionChange, "Funding interval or unit changed"),
    ];

    private AlertRuleForm _form = NewForm();
    private IReadOnlyList<string> _errors = [];
    private IReadOnlyList<AlertHistoryEntry> _history = [];
    private IDisposable? _feedSubscription;
    private string? _testResult;
    private bool _testOk;
    private bool _testing;
    private IDisposable? _hubSubscription;

    [Inject] public required AlertRepository Repository { get; init; }
    [Inject] public required AlertMonitor Monitor { get; init; }
    [Inject] public required AlertFeed Feed { get; init; }
    [Inject] public required WebhookDispatcher Webhooks { get; init; }
    [Inject] public required MarketHub Hub { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    /// <summary><c>/alerts?rule=ID</c>: the history of one rule.</summary>
    [SupplyParameterFromQuery(Name = "rule")] public string? RuleFilter { get; set; }

    private string? _historyFor = "";

    private IReadOnlyList<AlertRule> Rules => Monitor.Evaluator?.Rules ?? [];

    private IEnumerable<string> AssetOptions => Hub.Current.Assets.Count > 0 ? Hub.Current.Assets : [_form.Asset];

    protected override void OnInitialized()
    {
        _feedSubscription = Feed.Subscribe(() => InvokeAsync(async () =>
        {
            await LoadHistoryAsync();
            StateHasChanged();
        }), TimeSpan.FromMilliseconds(250));
        // Values move with the market: repaint the rules table at most every 2 s (state is in memory, no query).
        _hubSubscription = Hub.Subscribe(() => InvokeAsync(StateHasChanged), TimeSpan.FromSeconds(2));
        if (Hub.Current.Assets.Count > 0 && !Hub.Current.Assets.Contains(_form.Asset)) _form.Asset = Hub.Current.Assets[0];
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_historyFor == RuleFilter) return;
        _historyFor = RuleFilter;
        await LoadHistoryAsync();
    }

    private async Task LoadHistoryAsync() =>
        _history = await Repository.GetHistoryAsync(0, long.MaxValue, string.IsNullOrEmpty(RuleFilter) ? null : RuleFilter, HistoryRows, default);

    private static AlertRuleForm NewForm()
    {
        var form = new AlertRuleForm();
        form.SetKind(AlertRuleKind.FundingThreshold);
        return form;
    }

    private void OnKindChanged(ChangeEventArgs e)
    {
        if (Enum.TryParse<AlertRuleKind>(Convert.ToString(e.Value, CultureInfo.InvariantCulture), out var kind)) _form.SetKind(kind);
        _errors = [];
    }

    private void ToggleMember(string ruleId, ChangeEventArgs e)
    {
        _form.RuleIds.Remove(ruleId);
        if (e.Value is true) _form.RuleIds.Add(ruleId);
    }

    private async Task SaveAsync()
    {
        var (rule, errors) = _form.ToRule(NewId);
        _errors = errors;
        if (rule is null) return;
        await Repository.UpsertRuleAsync(rule, default);
        await Monitor.ReloadRulesAsync(default);
        _form = NewForm();
        if (Hub.Current.Assets.Count > 0) _form.Asset = Hub.Current.Assets[0];
    }

    /// <summary>
    /// One test POST to the URL in the form (saved or not). The answer is only delivered or failed, never why: this page
    /// may be open to anyone on the network, and a reason per address would make it a scanner of what the server reaches.
    /// </summary>
    private async Task SendTestAsync()
    {
        var url = _form.WebhookUrl.Trim();
        if (AlertRuleForm.WebhookUrlProblem(url) is { } problem)
        {
            (_testOk, _testResult) = (false, $"Webhook: {problem}.");
            return;
        }
        _testing = true;
        _testResult = "Sending…";
        StateHasChanged();
        try
        {
            var name = string.IsNullOrWhiteSpace(_form.Name) ? "(unsaved rule)" : _form.Name.Trim();
            var delivered = await Webhooks.SendTestAsync(url, _form.Id ?? "unsaved", name, _form.Kind, default);
            (_testOk, _testResult) = delivered
                ? (true, $"Delivered: the receiver answered 2xx at {UtcSeconds(Time.GetUtcNow().ToUnixTimeMilliseconds())} UTC.")
                : (false, "Failed: not delivered. A test says only delivered or failed; check the URL, that the receiver answers 2xx without a redirect, and that its address is public or in Alerts:Webhooks:AllowedHosts.");
        }
        finally
        {
            _testing = false;
        }
    }

    private void Edit(AlertRule rule)
    {
        _form = AlertRuleForm.From(rule);
        _errors = [];
        _testResult = null;
    }

    private void NewRule()
    {
        _form = NewForm();
        _errors = [];
    }

    private async Task ToggleAsync(AlertRule rule)
    {
        await Repository.UpsertRuleAsync(rule with { Enabled = !rule.Enabled }, default);
        await Monitor.ReloadRulesAsync(default);
    }

    private async Task DeleteAsync(AlertRule rule)
    {
        await Repository.DeleteRuleAsync(rule.Id, default);
        // A two-of-N rule that counted the deleted one keeps its other members; it no longer names a rule that is gone.
        foreach (var composite in Rules.OfType<CompositeRule>().Where(c => c.RuleIds.Contains(rule.Id)))
        {
            await Repository.UpsertRuleAsync(composite with { RuleIds = composite.RuleIds.Where(id => id != rule.Id).ToArray() }, default);
        }
        await Monitor.ReloadRulesAsync(default);
        if (_form.Id == rule.Id) NewRule();
    }

    private string RuleName(string id) => Rules.FirstOrDefault(r => r.Id == id)?.Name ?? $"{id} (deleted)";

    /// <summary>Short random ids (64 bits): rule ids appear in URLs of webhook bodies and history, never as secrets.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string UtcSeconds(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;

    private static string DeliveryText(WebhookDelivery? d) => d switch
    {
        null => "–",
        { Status: DeliveryStatus.Delivered } => $"delivered after {d.Attempts} attempt{(d.Attempts == 1 ? "" : "s")}" + (d.DeliveredMs is { } at ? $" at {UtcSeconds(at)}" : ""),
        { Status: DeliveryStatus.Failed } => $"failed after {d.Attempts} attempts: {d.LastError}",
        _ when d.Attempts == 0 => "pending",
        _ => $"retrying ({d.Attempts} attempt{(d.Attempts == 1 ? "" : "s")} so far; last: {d.LastError})",
    };

    public void Dispose()
    {
        _feedSubscription?.Dispose();
        _hubSubscription?.Dispose();
    }
}
