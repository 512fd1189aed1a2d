using System.Security.Cryptography;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FundingWeb.Components.Controls;

/// <summary>
/// Creates or edits one rule. The page gives it a fresh <see cref="AlertRuleForm"/> (and a fresh instance of this
/// control, by key) for every rule it starts, so no error or test result carries over from the last one.
/// </summary>
public sealed partial class AlertRuleEditor
{
    /// <summary>Every registered kind, by its own title: a kind added to <see cref="AlertKinds.All"/> is offered here with nothing else to change.</summary>
    public static readonly IReadOnlyList<(AlertRuleKind Kind, string Label)> Kinds = [.. AlertKinds.All.Select(k => (k.Kind, k.Title))];

    private readonly Func<object, string, IEnumerable<string>> _validation;
    private MudForm? _mudForm;
    private IReadOnlyList<FieldError> _errors = [];
    private bool _submitted;
    private string? _testResult;
    private bool _testOk;
    private bool _testing;

    public AlertRuleEditor() =>
        // MudForm asks per field (by the field's For path); the answer is always the whole model's judgement of that field.
        _validation = (model, field) => FieldErrors.Of(((AlertRuleForm)model).Validate(), field).ToList();

    [Inject] public required AlertRepository Repository { get; init; }
    [Inject] public required AlertMonitor Monitor { get; init; }
    [Inject] public required WebhookDispatcher Webhooks { get; init; }
    [Inject] public required MarketHub Hub { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [Parameter, EditorRequired] public AlertRuleForm Form { get; set; } = new();
    [Parameter] public IReadOnlyList<AlertRule> Rules { get; set; } = [];
    [Parameter] public EventCallback OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    private IEnumerable<string> AssetOptions => Hub.Current.Assets.Count > 0 ? Hub.Current.Assets : [Form.Asset];

    private IEnumerable<(string Id, string Name)> VenueOptions =>
        Hub.Current.Venues.Values.OrderBy(v => v.Venue.Name, StringComparer.Ordinal).Select(v => (v.Venue.Id, v.Venue.Name));

    private IEnumerable<string> MemberErrors => _submitted ? FieldErrors.Of(Form.Validate(), nameof(AlertRuleForm.RuleIds)) : [];

    private static string KindLabel(AlertRuleKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Label ?? kind.ToString();

    private string VenueLabel(string? id) => string.IsNullOrEmpty(id)
        ? Form.FieldOf(AlertFieldSlot.Venue)?.EmptyLabel ?? "any venue"
        : Hub.Current.Venues.TryGetValue(id, out var v) ? v.Venue.Name : id;

    private string DirectionLabel(string? token) => Form.Directions.FirstOrDefault(d => d.Token == token).Label ?? token ?? "";

    /// <summary>Another kind asks other questions: errors shown for the last one are cleared, not carried over.</summary>
    private async Task OnKindChanged(AlertRuleKind kind)
    {
        Form.SetKind(kind);
        _errors = [];
        _submitted = false;
        if (_mudForm is not null) await _mudForm.ResetValidationAsync();
    }

    private void ToggleMember(string ruleId, bool on)
    {
        Form.RuleIds.Remove(ruleId);
        if (on) Form.RuleIds.Add(ruleId);
    }

    private async Task SaveAsync()
    {
        _submitted = true;
        if (_mudForm is not null) await _mudForm.ValidateAsync();
        var (rule, errors) = Form.ToRule(NewId);
        _errors = errors;
        // A number the field could not read (MudForm's conversion error) leaves the model at its last value: not saved either.
        if (rule is null || _mudForm?.IsValid == false) return;
        await Repository.UpsertRuleAsync(rule, default);
        await Monitor.ReloadRulesAsync(default);
        await OnSaved.InvokeAsync();
    }

    /// <summary>
    /// One test POST to the URL in the form (saved or not). The answer is only delivered or failed, never why: this page
    /// may be open to anyone on the network, and a reason per address would make it a scanner of what the server reaches.
    /// </summary>
    private async Task SendTestAsync()
    {
        var url = Form.WebhookUrl.Trim();
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
            var name = string.IsNullOrWhiteSpace(Form.Name) ? "(unsaved rule)" : Form.Name.Trim();
            var delivered = await Webhooks.SendTestAsync(url, Form.Id ?? "unsaved", name, Form.Kind, default);
            (_testOk, _testResult) = delivered
                ? (true, $"Delivered: the receiver answered 2xx at {Display.Utc(Time.GetUtcNow().ToUnixTimeMilliseconds())} UTC.")
                : (false, "Failed: not delivered. A test says only delivered or failed; check the URL, that the receiver answers 2xx without a redirect, and that its address is public or in Alerts:Webhooks:AllowedHosts.");
        }
        finally
        {
            _testing = false;
        }
    }

    /// <summary>Short random ids (64 bits): rule ids appear in URLs of webhook bodies and history, never as secrets.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
