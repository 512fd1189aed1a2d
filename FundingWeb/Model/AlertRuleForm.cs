using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;

namespace FundingWeb.Model;

/// <summary>
/// What the Alerts page edits: one flat form for every kind of rule, in the units a desk types (percent at a basis,
/// seconds, minutes, USD), turned into an <see cref="AlertRule"/> (fractions, TimeSpans) only when every field that kind
/// needs is valid. Which fields a kind asks for, how each is judged and how the rule is made come from the kind's
/// definition (<see cref="AlertKinds"/>): no kind is named here. <see cref="From"/> goes the other way.
/// </summary>
public sealed class AlertRuleForm
{
    public string? Id { get; set; }
    public string Name { get; set => field = value ?? ""; } = "";
    public AlertRuleKind Kind { get; set; } = AlertRuleKind.FundingThreshold;
    public bool Enabled { get; set; } = true;

    public string Asset { get; set => field = value ?? ""; } = "BTC";

    /// <summary>A venue id, or empty for any venue (required for flips).</summary>
    public string Venue { get; set => field = value ?? ""; } = "";

    /// <summary>Above/Below for thresholds, Either/ToNegative/ToPositive for flips, Either/Rise/Fall for OI, Long/Short/"" for ladders.</summary>
    public string Direction { get; set => field = value ?? ""; } = "";

    public RateBasis Basis { get; set; } = RateBasis.Apr;

    /// <summary>In <see cref="ThresholdUnit"/>: percent at <see cref="Basis"/> for funding, APR for spreads, % change for OI, % of price for ladders, seconds for chain and lag rules.</summary>
    public double? ThresholdPercent { get; set; }

    /// <summary>In <see cref="HysteresisUnit"/> (the threshold's, for most kinds).</summary>
    public double? HysteresisPercent { get; set; }

    /// <summary>Minutes: sustain for spreads, window for OI, stale for venues, "within" for two-of-N.</summary>
    public double? Minutes { get; set; }

    public double? MinNotionalUsd { get; set; }

    public List<string> RuleIds { get; set; } = [];

    public int Required { get; set; } = 2;

    public double CooldownMinutes { get; set; } = 15;

    public string WebhookUrl { get; set => field = value ?? ""; } = "";

    /// <summary>The kind's definition: its fields, their judgement and how a rule is made from them.</summary>
    public AlertKind Definition => AlertKinds.For(Kind);

    public bool Uses(AlertFieldSlot slot) => Definition.Field(slot) is not null;

    public AlertField? FieldOf(AlertFieldSlot slot) => Definition.Field(slot);

    /// <summary>The unit <see cref="ThresholdPercent"/> is typed in (a percent for most kinds, seconds for chain and lag rules).</summary>
    public string ThresholdUnit => Definition.ThresholdUnit(Basis);

    public string HysteresisUnit => Definition.HysteresisUnit(Basis);

    public string MinutesLabel => FieldOf(AlertFieldSlot.Minutes)?.Label ?? "Minutes";

    public bool UsesAsset => Uses(AlertFieldSlot.Asset);
    public bool UsesVenue => Uses(AlertFieldSlot.Venue);
    public bool UsesThreshold => Uses(AlertFieldSlot.Threshold);
    public bool UsesHysteresis => Uses(AlertFieldSlot.Hysteresis);
    public bool UsesMinutes => Uses(AlertFieldSlot.Minutes);
    public bool UsesBasis => Uses(AlertFieldSlot.Basis);

    /// <summary>The direction choices of this kind: (token, label).</summary>
    public IReadOnlyList<(string Token, string Label)> Directions =>
        FieldOf(AlertFieldSlot.Direction)?.Choices?.Select(c => (c.Token, c.Label)).ToList() ?? [];

    /// <summary>A kind change resets the direction to that kind's first choice, so a stale token never carries over.</summary>
    public void SetKind(AlertRuleKind kind)
    {
        Kind = kind;
        Direction = Directions.Count > 0 ? Directions[0].Token : "";
    }

    // The form property each slot is typed into: errors name the property, so MudForm shows them at the field.
    private static readonly IReadOnlyDictionary<AlertFieldSlot, string> Properties = new Dictionary<AlertFieldSlot, string>
    {
        [AlertFieldSlot.Asset] = nameof(Asset), [AlertFieldSlot.Venue] = nameof(Venue), [AlertFieldSlot.Direction] = nameof(Direction),
        [AlertFieldSlot.Basis] = nameof(Basis), [AlertFieldSlot.Threshold] = nameof(ThresholdPercent), [AlertFieldSlot.MinNotionalUsd] = nameof(MinNotionalUsd),
        [AlertFieldSlot.Minutes] = nameof(Minutes), [AlertFieldSlot.RuleIds] = nameof(RuleIds), [AlertFieldSlot.Required] = nameof(Required),
        [AlertFieldSlot.Hysteresis] = nameof(HysteresisPercent),
    };

    public static string PropertyOf(AlertFieldSlot slot) => Properties[slot];

    /// <summary>The fields this kind shows, by property name: every error <see cref="Validate"/> gives is about one of them.</summary>
    public IReadOnlyList<string> Fields =>
        [nameof(Name), nameof(Kind), .. Definition.Fields.Select(f => Properties[f.Slot]), nameof(CooldownMinutes), nameof(WebhookUrl), nameof(Enabled)];

    /// <summary>The longest window a rule may name: a year of minutes (a TimeSpan holds far more; a desk never needs it).</summary>
    public const double MaxMinutes = 365 * 24 * 60;

    /// <summary>
    /// Why the form cannot make a rule, each tied to the field it is about; empty when it can. The one place a rule's
    /// fields are judged, from the kind's field definitions: the page shows these at the fields (MudForm's model
    /// validation) and <see cref="ToRule"/> refuses on them. Only fields the kind shows are judged, so a value left in a
    /// field the kind hides never blocks a save.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Add(AlertFieldSlot slot, string message) => errors.Add(new FieldError(Properties[slot], message));
        var name = Name.Trim();
        if (name.Length == 0) errors.Add(new(nameof(Name), "Name: give the rule a name."));
        if (name.Length > 80) errors.Add(new(nameof(Name), "Name: at most 80 characters."));
        foreach (var field in Definition.Fields)
        {
            if (Problem(field) is { } problem) Add(field.Slot, problem);
        }
        foreach (var (slot, message) in Definition.Check(Values()))
        {
            if (Uses(slot)) Add(slot, message);
        }
        if (!(CooldownMinutes >= 0) || CooldownMinutes > 7 * 24 * 60) errors.Add(new(nameof(CooldownMinutes), "Cooldown: between 0 and 10,080 minutes."));
        var webhook = WebhookUrl.Trim();
        if (webhook.Length > 0 && WebhookUrlProblem(webhook) is { } webhookProblem) errors.Add(new(nameof(WebhookUrl), $"Webhook: {webhookProblem}, or empty for none."));
        return errors;
    }

    private string? Problem(AlertField field) => field.Slot switch
    {
        AlertFieldSlot.Asset => !field.Optional && string.IsNullOrWhiteSpace(Asset) ? field.Missing ?? "Asset: choose an asset." : null,
        AlertFieldSlot.Venue => !field.Optional && string.IsNullOrWhiteSpace(Venue) ? field.Missing ?? "Venue: choose a venue." : null,
        AlertFieldSlot.Direction => Directions.All(d => d.Token != Direction) ? $"{field.Label}: choose one of the listed." : null,
        AlertFieldSlot.Threshold => NumberProblem("Threshold", ThresholdPercent, field, $"enter a number ({ThresholdUnit})"),
        AlertFieldSlot.MinNotionalUsd => MinNotionalUsd is { } usd && double.IsFinite(usd) && InRange(usd, field) ? null : field.Missing ?? "Minimum notional: enter USD above zero.",
        AlertFieldSlot.Minutes => MinutesProblem(field),
        AlertFieldSlot.Hysteresis => HysteresisPercent is { } h && !(h >= 0 && double.IsFinite(h)) ? "Hysteresis: zero or more." : null,
        _ => null,
    };

    private static string? NumberProblem(string noun, double? value, AlertField field, string missing)
    {
        if (value is not { } v) return field.Missing ?? $"{noun}: {missing}.";
        if (!double.IsFinite(v)) return $"{noun}: not a number.";
        if (field.Min is { } min && (field.AboveMin ? v <= min : v < min))
            return min == 0 ? (field.AboveMin ? $"{noun}: must be above zero." : $"{noun}: zero or more.") : $"{noun}: {(field.AboveMin ? "above" : "at least")} {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}.";
        if (field.Max is { } max && v > max) return $"{noun}: at most {max.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)}.";
        return null;
    }

    private string? MinutesProblem(AlertField field)
    {
        var label = field.Label;
        if (Minutes is not { } minutes) return $"{label}: enter a number of minutes.";
        if (!(minutes >= 0) || minutes > Math.Min(MaxMinutes, field.Max ?? MaxMinutes)) return $"{label}: zero or more, at most 525,600 (a year).";
        if (minutes == 0 && field.AboveMin) return $"{label}: above zero.";
        return null;
    }

    private static bool InRange(double v, AlertField field) =>
        (field.Min is not { } min || (field.AboveMin ? v > min : v >= min)) && (field.Max is not { } max || v <= max);

    /// <summary>What the kind reads, cleaned; only the slots it asks for carry a value.</summary>
    private AlertFormValues Values() => new()
    {
        Id = Id,
        Asset = UsesAsset ? Asset.Trim().ToUpperInvariant() : "",
        Venue = UsesVenue && !string.IsNullOrWhiteSpace(Venue) ? Venue.Trim() : null,
        Direction = Uses(AlertFieldSlot.Direction) ? Direction : "",
        Basis = Basis,
        Threshold = UsesThreshold ? ThresholdPercent : null,
        MinNotionalUsd = Uses(AlertFieldSlot.MinNotionalUsd) ? MinNotionalUsd : null,
        // Only the kinds that ask for minutes read them: a huge value left in the hidden field must not overflow a TimeSpan.
        Minutes = UsesMinutes ? Minutes : null,
        RuleIds = [.. RuleIds],
        Required = Required,
    };

    /// <summary>The rule, or the reasons it cannot be made (<see cref="Validate"/>).</summary>
    public (AlertRule? Rule, IReadOnlyList<FieldError> Errors) ToRule(Func<string> newId)
    {
        var errors = Validate();
        if (errors.Count > 0) return (null, errors);
        var webhook = WebhookUrl.Trim();
        var definition = Definition;
        var rule = definition.Build(Id ?? newId(), Name.Trim(), Values()) with
        {
            Enabled = Enabled,
            Hysteresis = UsesHysteresis ? definition.Stored(AlertFieldSlot.Hysteresis, HysteresisPercent ?? 0) : 0,
            Cooldown = TimeSpan.FromMinutes(CooldownMinutes),
            WebhookUrl = webhook.Length == 0 ? null : webhook,
        };
        return (rule, []);
    }

    /// <summary>The longest webhook URL kept: room for any receiver's path and token, not for a payload.</summary>
    public const int MaxWebhookUrlLength = 2048;

    /// <summary>
    /// Why a typed webhook URL cannot be stored, or null: an absolute http(s) URL, no user name or password in it (they
    /// would be sent, and shown in the rule list), no control characters or spaces, at most <see cref="MaxWebhookUrlLength"/>.
    /// Where it may connect is judged when it is sent (<see cref="WebhookAddressPolicy"/>), on the addresses it resolves to then.
    /// </summary>
    public static string? WebhookUrlProblem(string? url)
    {
        var text = url?.Trim() ?? "";
        if (text.Length > MaxWebhookUrlLength) return $"at most {MaxWebhookUrlLength} characters";
        if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return "an absolute http:// or https:// URL (no spaces or control characters)";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            return "an absolute http:// or https:// URL";
        if (uri.UserInfo.Length > 0) return "an absolute http:// or https:// URL without a user name or password in it";
        return null;
    }

    /// <summary>The form showing a stored rule (for editing): its kind's values, in the units they are typed in.</summary>
    public static AlertRuleForm From(AlertRule rule)
    {
        var definition = AlertKinds.For(rule);
        var v = definition.ToForm(rule);
        return new AlertRuleForm
        {
            Id = rule.Id, Name = rule.Name, Kind = rule.Kind, Enabled = rule.Enabled, CooldownMinutes = rule.Cooldown.TotalMinutes, WebhookUrl = rule.WebhookUrl ?? "",
            HysteresisPercent = definition.UsesHysteresis ? definition.Typed(AlertFieldSlot.Hysteresis, rule.Hysteresis) : 0,
            Asset = v.Asset, Venue = v.Venue ?? "", Direction = v.Direction, Basis = v.Basis, ThresholdPercent = v.Threshold, MinNotionalUsd = v.MinNotionalUsd,
            Minutes = v.Minutes, RuleIds = [.. v.RuleIds], Required = v.Required,
        };
    }
}
