using FundingWeb.Core.Alerts;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// Rules (create, edit, enable, delete), their live state, and the history with webhook delivery status. The page itself
/// renders only when the rule list changes; the rules table repaints its own rows on ticks and the history grid reloads
/// itself when the alert feed says something changed.
/// </summary>
public sealed partial class Alerts : ComponentBase, IDisposable
{
    public const string Path = FundingUrls.AlertsPath;

    private AlertRuleForm _form = null!;
    private IReadOnlyList<AlertRule> _rules = [];
    private IDisposable? _feedSubscription;

    [Inject] public required AlertRepository Repository { get; init; }
    [Inject] public required AlertMonitor Monitor { get; init; }
    [Inject] public required AlertFeed Feed { get; init; }
    [Inject] public required MarketHub Hub { get; init; }

    /// <summary><c>/alerts?rule=ID</c>: the history of one rule.</summary>
    [SupplyParameterFromQuery(Name = FundingUrls.RuleParameter)] public string? RuleFilter { get; set; }

    private IReadOnlyList<AlertRule> CurrentRules => Monitor.Evaluator?.Rules ?? [];

    protected override void OnInitialized()
    {
        _rules = CurrentRules;
        NewRule();
        // The monitor swaps its rule list on every edit (a new array): re-render only when that happens.
        _feedSubscription = Feed.Subscribe(() => InvokeAsync(() =>
        {
            if (ReferenceEquals(CurrentRules, _rules)) return;
            _rules = CurrentRules;
            StateHasChanged();
        }), TimeSpan.FromMilliseconds(250));
    }

    private void NewRule()
    {
        var form = new AlertRuleForm();
        form.SetKind(AlertRuleKind.FundingThreshold);
        if (Hub.Current.Assets.Count > 0) form.Asset = Hub.Current.Assets[0];
        _form = form;
        _rules = CurrentRules;
    }

    private void Edit(string ruleId)
    {
        if (_rules.FirstOrDefault(r => r.Id == ruleId) is { } rule) _form = AlertRuleForm.From(rule);
    }

    private async Task ToggleAsync(string ruleId)
    {
        if (_rules.FirstOrDefault(r => r.Id == ruleId) is not { } rule) return;
        await Repository.UpsertRuleAsync(rule with { Enabled = !rule.Enabled }, default);
        await Monitor.ReloadRulesAsync(default);
        _rules = CurrentRules;
    }

    private async Task DeleteAsync(string ruleId)
    {
        await Repository.DeleteRuleAsync(ruleId, default);
        // A two-of-N rule that counted the deleted one keeps its other members; it no longer names a rule that is gone.
        foreach (var composite in _rules.OfType<CompositeRule>().Where(c => c.RuleIds.Contains(ruleId)))
        {
            await Repository.UpsertRuleAsync(composite with { RuleIds = composite.RuleIds.Where(id => id != ruleId).ToArray() }, default);
        }
        await Monitor.ReloadRulesAsync(default);
        if (_form.Id == ruleId) NewRule();
        _rules = CurrentRules;
    }

    public void Dispose() => _feedSubscription?.Dispose();
}
