using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Model;

/// <summary>
/// What the Alerts page edits: one flat form for every kind of rule, in the units a desk types (percent at a basis,
/// minutes, USD), turned into an <see cref="AlertRule"/> (fractions, TimeSpans) only when every field that kind needs
/// is valid. <see cref="From"/> goes the other way, so an edit starts from the stored rule.
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

    /// <summary>Percent: at <see cref="Basis"/> for funding, APR for spreads, % change for OI, % of price for ladders.</summary>
    public double? ThresholdPercent { get; set; }

    /// <summary>Percent, same unit as <see cref="ThresholdPercent"/>.</summary>
    public double? HysteresisPercent { get; set; }

    /// <summary>Minutes: sustain for spreads, window for OI, stale for venues, "within" for two-of-N.</summary>
    public double? Minutes { get; set; }

    public double? MinNotionalUsd { get; set; }

    public List<string> RuleIds { get; set; } = [];

    public int Required { get; set; } = 2;

    public double CooldownMinutes { get; set; } = 15;

    public string WebhookUrl { get; set => field = value ?? ""; } = "";

    /// <summary>The unit <see cref="ThresholdPercent"/> is typed in, for the label beside it.</summary>
    public string ThresholdUnit => Kind switch
    {
        AlertRuleKind.FundingThreshold => FundingBasis.Label(Basis),
        AlertRuleKind.FundingFlip or AlertRuleKind.Spread => "% APR (simple)",
        AlertRuleKind.OpenInterestChange => "% change",
        AlertRuleKind.LadderProximity => "% of price",
        _ => "%",
    };

    public string MinutesLabel => Kind switch
    {
        AlertRuleKind.Spread => "Sustained for (minutes)",
        AlertRuleKind.OpenInterestChange => "Over a window of (minutes)",
        AlertRuleKind.VenueStale => "Stale or degraded for more than (minutes)",
        AlertRuleKind.Composite => "Within (minutes)",
        AlertRuleKind.ConventionChange => "Notify for changes newer than (minutes)",
        _ => "Minutes",
    };

    public bool UsesAsset => Kind is not (AlertRuleKind.VenueStale or AlertRuleKind.Composite);
    public bool UsesVenue => Kind is not (AlertRuleKind.Spread or AlertRuleKind.Composite);
    public bool UsesThreshold => Kind is not (AlertRuleKind.VenueStale or AlertRuleKind.Composite or AlertRuleKind.FundingFlip or AlertRuleKind.ConventionChange);
    public bool UsesHysteresis => Kind is not (AlertRuleKind.VenueStale or AlertRuleKind.Composite or AlertRuleKind.ConventionChange);
    public bool UsesMinutes => Kind is AlertRuleKind.Spread or AlertRuleKind.OpenInterestChange or AlertRuleKind.VenueStale or AlertRuleKind.Composite or AlertRuleKind.ConventionChange;
    public bool UsesBasis => Kind is AlertRuleKind.FundingThreshold;

    /// <summary>The direction choices of this kind: (token, label).</summary>
    public IReadOnlyList<(string Token, string Label)> Directions => Kind switch
    {
        AlertRuleKind.FundingThreshold => [(nameof(ThresholdDirection.Above), "above"), (nameof(ThresholdDirection.Below), "below")],
        AlertRuleKind.FundingFlip => [(nameof(FlipDirection.Either), "either way"), (nameof(FlipDirection.ToNegative), "positive → negative"), (nameof(FlipDirection.ToPositive), "negative → positive")],
        AlertRuleKind.OpenInterestChange => [(nameof(ChangeDirection.Either), "rise or fall"), (nameof(ChangeDirection.Rise), "rise"), (nameof(ChangeDirection.Fall), "fall")],
        AlertRuleKind.LadderProximity => [("", "longs and shorts"), (nameof(LiquidationSide.Long), "long liquidations (below price)"), (nameof(LiquidationSide.Short), "short liquidations (above price)")],
        _ => [],
    };

    /// <summary>A kind change resets the direction to that kind's first choice, so a stale token never carries over.</summary>
    public void SetKind(AlertRuleKind kind)
    {
        Kind = kind;
        Direction = Directions.Count > 0 ? Directions[0].Token : "";
    }

    /// <summary>The fields this kind shows, by property name: every error <see cref="Validate"/> gives is about one of them.</summary>
    public IReadOnlyList<string> Fields
    {
        get
        {
            var fields = new List<string> { nameof(Name), nameof(Kind) };
            if (UsesAsset) fields.Add(nameof(Asset));
            if (UsesVenue) fields.Add(nameof(Venue));
            if (Directions.Count > 0) fields.Add(nameof(Direction));
            if (UsesBasis) fields.Add(nameof(Basis));
            if (UsesThreshold) fields.Add(nameof(ThresholdPercent));
            if (Kind == AlertRuleKind.LadderProximity) fields.Add(nameof(MinNotionalUsd));
            if (UsesMinutes) fields.Add(nameof(Minutes));
            if (Kind == AlertRuleKind.Composite) fields.AddRange([nameof(RuleIds), nameof(Required)]);
            if (UsesHysteresis) fields.Add(nameof(HysteresisPercent));
            fields.AddRange([nameof(CooldownMinutes), nameof(WebhookUrl), nameof(Enabled)]);
            return fields;
        }
    }

    /// <summary>The longest window a rule may name: a year of minutes (a TimeSpan holds far more; a desk never needs it).</summary>
    public const double MaxMinutes = 365 * 24 * 60;

    /// <summary>
    /// Why the form cannot make a rule, each tied to the field it is about; empty when it can. The one place a rule's
    /// fields are judged: the page shows these at the fields (MudForm's model validation) and <see cref="ToRule"/> refuses on them.
    /// Only fields the kind shows are judged, so a value left in a field the kind hides never blocks a save.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));
        var name = Name.Trim();
        if (name.Length == 0) Add(nameof(Name), "Name: give the rule a name.");
        if (name.Length > 80) Add(nameof(Name), "Name: at most 80 characters.");
        if (UsesAsset && Kind != AlertRuleKind.ConventionChange && string.IsNullOrWhiteSpace(Asset)) Add(nameof(Asset), "Asset: choose an asset.");
        if (Kind == AlertRuleKind.FundingFlip && string.IsNullOrWhiteSpace(Venue)) Add(nameof(Venue), "Venue: a flip is watched on one venue.");
        if (Directions.Count > 0 && Directions.All(d => d.Token != Direction)) Add(nameof(Direction), "Direction: choose one of the listed.");
        if (UsesThreshold)
        {
            if (ThresholdPercent is not { } threshold) Add(nameof(ThresholdPercent), $"Threshold: enter a number ({ThresholdUnit}).");
            else if (!double.IsFinite(threshold)) Add(nameof(ThresholdPercent), "Threshold: not a number.");
            else if (threshold <= 0 && Kind is AlertRuleKind.Spread or AlertRuleKind.OpenInterestChange or AlertRuleKind.LadderProximity)
                Add(nameof(ThresholdPercent), "Threshold: must be above zero.");
        }
        if (UsesHysteresis && HysteresisPercent is { } h && !(h >= 0 && double.IsFinite(h))) Add(nameof(HysteresisPercent), "Hysteresis: zero or more.");
        if (UsesMinutes)
        {
            if (Minutes is not { } minutes) Add(nameof(Minutes), $"{MinutesLabel}: enter a number of minutes.");
            else if (!(minutes >= 0) || minutes > MaxMinutes) Add(nameof(Minutes), $"{MinutesLabel}: zero or more, at most 525,600 (a year).");
            else if (minutes == 0 && Kind is AlertRuleKind.OpenInterestChange or AlertRuleKind.Composite or AlertRuleKind.ConventionChange)
                Add(nameof(Minutes), $"{MinutesLabel}: above zero.");
        }
        if (Kind == AlertRuleKind.LadderProximity && !(MinNotionalUsd is { } usd && usd > 0 && double.IsFinite(usd))) Add(nameof(MinNotionalUsd), "Minimum notional: enter USD above zero.");
        if (Kind == AlertRuleKind.Composite)
        {
            if (RuleIds.Count < 2) Add(nameof(RuleIds), "Rules: choose at least two rules.");
            if (Id is not null && RuleIds.Contains(Id)) Add(nameof(RuleIds), "Rules: a rule cannot count itself.");
            if (Required < 1 || Required > RuleIds.Count) Add(nameof(Required), $"How many: between 1 and the {RuleIds.Count} rules chosen.");
        }
        if (!(CooldownMinutes >= 0) || CooldownMinutes > 7 * 24 * 60) Add(nameof(CooldownMinutes), "Cooldown: between 0 and 10,080 minutes.");
        var webhook = WebhookUrl.Trim();
        if (webhook.Length > 0 && WebhookUrlProblem(webhook) is { } problem) Add(nameof(WebhookUrl), $"Webhook: {problem}, or empty for none.");
        return errors;
    }

    /// <summary>The rule, or the reasons it cannot be made (<see cref="Validate"/>).</summary>
    public (AlertRule? Rule, IReadOnlyList<FieldError> Errors) ToRule(Func<string> newId)
    {
        var errors = Validate();
        if (errors.Count > 0) return (null, errors);
        var name = Name.Trim();
        var webhook = WebhookUrl.Trim();

        var id = Id ?? newId();
        var asset = Asset.Trim().ToUpperInvariant();
        string? venue = string.IsNullOrWhiteSpace(Venue) ? null : Venue.Trim();
        var threshold = (ThresholdPercent ?? 0) / 100;
        var hysteresis = (HysteresisPercent ?? 0) / 100;
        // Only the kinds that ask for minutes read them: a huge value left in the hidden field must not overflow a TimeSpan.
        var minutes = UsesMinutes ? TimeSpan.FromMinutes(Minutes!.Value) : TimeSpan.Zero;
        AlertRule rule = Kind switch
        {
            AlertRuleKind.FundingThreshold => new FundingThresholdRule
            {
                Id = id, Name = name, Asset = asset, Venue = venue, Direction = Enum.Parse<ThresholdDirection>(Direction), Threshold = threshold, Basis = Basis,
            },
            AlertRuleKind.FundingFlip => new FundingFlipRule { Id = id, Name = name, Asset = asset, Venue = venue!, Direction = Enum.Parse<FlipDirection>(Direction), Basis = RateBasis.Apr },
            AlertRuleKind.Spread => new SpreadRule { Id = id, Name = name, Asset = asset, ThresholdApr = threshold, MinDuration = minutes },
            AlertRuleKind.OpenInterestChange => new OpenInterestChangeRule
            {
                Id = id, Name = name, Asset = asset, Venue = venue, ThresholdFraction = threshold, Window = minutes, Direction = Enum.Parse<ChangeDirection>(Direction),
            },
            AlertRuleKind.LadderProximity => new LadderProximityRule
            {
                Id = id, Name = name, Asset = asset, Venue = venue, WithinFraction = threshold, MinNotionalUsd = MinNotionalUsd!.Value,
                Side = Direction.Length == 0 ? null : Enum.Parse<LiquidationSide>(Direction),
            },
            AlertRuleKind.VenueStale => new VenueStaleRule { Id = id, Name = name, Venue = venue, MinStale = minutes },
            AlertRuleKind.Composite => new CompositeRule { Id = id, Name = name, RuleIds = [.. RuleIds], Required = Required, Within = minutes },
            AlertRuleKind.ConventionChange => new ConventionChangeRule { Id = id, Name = name, Venue = venue, Asset = asset.Length == 0 ? null : asset, Window = minutes },
            _ => throw new InvalidOperationException($"The form cannot make a {Kind} rule."),
        };
        rule = rule with
        {
            Enabled = Enabled,
            Hysteresis = UsesHysteresis ? hysteresis : 0,
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

    /// <summary>The form showing a stored rule (for editing).</summary>
    public static AlertRuleForm From(AlertRule rule)
    {
        var form = new AlertRuleForm
        {
            Id = rule.Id, Name = rule.Name, Kind = rule.Kind, Enabled = rule.Enabled, HysteresisPercent = Percent(rule.Hysteresis),
            CooldownMinutes = rule.Cooldown.TotalMinutes, WebhookUrl = rule.WebhookUrl ?? "", Asset = "", Venue = "",
        };
        switch (rule)
        {
            case FundingThresholdRule r:
                (form.Asset, form.Venue, form.Direction, form.ThresholdPercent, form.Basis) = (r.Asset, r.Venue ?? "", r.Direction.ToString(), Percent(r.Threshold), r.Basis);
                break;
            case FundingFlipRule r:
                (form.Asset, form.Venue, form.Direction, form.Basis) = (r.Asset, r.Venue, r.Direction.ToString(), r.Basis);
                break;
            case SpreadRule r:
                (form.Asset, form.ThresholdPercent, form.Minutes) = (r.Asset, Percent(r.ThresholdApr), r.MinDuration.TotalMinutes);
                break;
            case OpenInterestChangeRule r:
                (form.Asset, form.Venue, form.ThresholdPercent, form.Minutes, form.Direction) = (r.Asset, r.Venue ?? "", Percent(r.ThresholdFraction), r.Window.TotalMinutes, r.Direction.ToString());
                break;
            case LadderProximityRule r:
                (form.Asset, form.Venue, form.ThresholdPercent, form.MinNotionalUsd, form.Direction) = (r.Asset, r.Venue ?? "", Percent(r.WithinFraction), r.MinNotionalUsd, r.Side?.ToString() ?? "");
                break;
            case VenueStaleRule r:
                (form.Venue, form.Minutes) = (r.Venue ?? "", r.MinStale.TotalMinutes);
                break;
            case CompositeRule r:
                (form.RuleIds, form.Required, form.Minutes) = ([.. r.RuleIds], r.Required, r.Within.TotalMinutes);
                break;
            case ConventionChangeRule r:
                (form.Asset, form.Venue, form.Minutes) = (r.Asset ?? "", r.Venue ?? "", r.Window.TotalMinutes);
                break;
        }
        return form;
    }

    private static double Percent(double fraction) => Math.Round(fraction * 100, 10);
}
