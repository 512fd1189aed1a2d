using System.Globalization;
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
    public string Name { get; set; } = "";
    public AlertRuleKind Kind { get; set; } = AlertRuleKind.FundingThreshold;
    public bool Enabled { get; set; } = true;

    public string Asset { get; set; } = "BTC";

    /// <summary>A venue id, or empty for any venue (required for flips).</summary>
    public string Venue { get; set; } = "";

    /// <summary>Above/Below for thresholds, Either/ToNegative/ToPositive for flips, Either/Rise/Fall for OI, Long/Short/"" for ladders.</summary>
    public string Direction { get; set; } = "";

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

    public string WebhookUrl { get; set; } = "";

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

    /// <summary>The rule, or the reasons it cannot be made (each names the field).</summary>
    public (AlertRule? Rule, IReadOnlyList<string> Errors) ToRule(Func<string> newId)
    {
        var errors = new List<string>();
        var name = Name.Trim();
        if (name.Length == 0) errors.Add("Name: give the rule a name.");
        if (name.Length > 80) errors.Add("Name: at most 80 characters.");
        if (UsesAsset && Kind != AlertRuleKind.ConventionChange && string.IsNullOrWhiteSpace(Asset)) errors.Add("Asset: choose an asset.");
        if (Kind == AlertRuleKind.FundingFlip && string.IsNullOrWhiteSpace(Venue)) errors.Add("Venue: a flip is watched on one venue.");
        if (UsesThreshold && ThresholdPercent is null) errors.Add($"Threshold: enter a number ({ThresholdUnit}).");
        if (UsesThreshold && ThresholdPercent is { } t1 && !double.IsFinite(t1)) errors.Add("Threshold: not a number.");
        if (Kind is AlertRuleKind.Spread or AlertRuleKind.OpenInterestChange or AlertRuleKind.LadderProximity && ThresholdPercent is <= 0)
            errors.Add("Threshold: must be above zero.");
        if (HysteresisPercent is < 0) errors.Add("Hysteresis: zero or more.");
        if (UsesMinutes && Minutes is null) errors.Add($"{MinutesLabel}: enter a number of minutes.");
        if (UsesMinutes && Minutes is < 0) errors.Add($"{MinutesLabel}: zero or more.");
        if (Kind is AlertRuleKind.OpenInterestChange or AlertRuleKind.Composite or AlertRuleKind.ConventionChange && Minutes is <= 0) errors.Add($"{MinutesLabel}: above zero.");
        if (Kind == AlertRuleKind.LadderProximity && MinNotionalUsd is not > 0) errors.Add("Minimum notional: enter USD above zero.");
        if (Kind == AlertRuleKind.Composite)
        {
            if (RuleIds.Count < 2) errors.Add("Rules: choose at least two rules.");
            if (Required < 1 || Required > RuleIds.Count) errors.Add($"How many: between 1 and the {RuleIds.Count} rules chosen.");
            if (Id is not null && RuleIds.Contains(Id)) errors.Add("Rules: a rule cannot count itself.");
        }
        if (!(CooldownMinutes >= 0) || CooldownMinutes > 7 * 24 * 60) errors.Add("Cooldown: between 0 and 10,080 minutes.");
        var webhook = WebhookUrl.Trim();
        if (webhook.Length > 0 && WebhookUrlProblem(webhook) is { } problem) errors.Add($"Webhook: {problem}, or empty for none.");
        if (Directions.Count > 0 && Directions.All(d => d.Token != Direction)) errors.Add("Direction: choose one of the listed.");
        if (errors.Count > 0) return (null, errors);

        var id = Id ?? newId();
        var asset = Asset.Trim().ToUpperInvariant();
        string? venue = string.IsNullOrWhiteSpace(Venue) ? null : Venue.Trim();
        var threshold = (ThresholdPercent ?? 0) / 100;
        var hysteresis = (HysteresisPercent ?? 0) / 100;
        var minutes = TimeSpan.FromMinutes(Minutes ?? 0);
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

    /// <summary>The basis a funding rule's values are in; null for other kinds.</summary>
    public static RateBasis? BasisOf(AlertRule? rule) => rule switch
    {
        FundingThresholdRule r => r.Basis,
        FundingFlipRule r => r.Basis,
        _ => null,
    };

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

    /// <summary>One line saying what the rule watches, in the units it was typed in.</summary>
    public static string Describe(AlertRule rule, Func<string, string>? ruleName = null)
    {
        static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        static string Where(string? venue) => venue is null ? "any venue" : venue;
        var text = rule switch
        {
            FundingThresholdRule r => $"{r.Asset} funding on {Where(r.Venue)} {(r.Direction == ThresholdDirection.Above ? "above" : "below")} {N(r.Threshold * 100)} {FundingBasis.Label(r.Basis)}",
            FundingFlipRule r => $"{r.Asset} funding on {r.Venue} flips {r.Direction switch { FlipDirection.ToNegative => "positive → negative", FlipDirection.ToPositive => "negative → positive", _ => "sign" }}",
            SpreadRule r => $"{r.Asset} widest cross-venue spread above {N(r.ThresholdApr * 100)} % APR for {N(r.MinDuration.TotalMinutes)} min",
            OpenInterestChangeRule r => $"{r.Asset} OI on {(r.Venue ?? "all venues")} {r.Direction switch { ChangeDirection.Rise => "rises", ChangeDirection.Fall => "falls", _ => "moves" }} more than {N(r.ThresholdFraction * 100)} % over {N(r.Window.TotalMinutes)} min",
            LadderProximityRule r => $"{r.Asset} price within {N(r.WithinFraction * 100)} % of {r.Side switch { LiquidationSide.Long => "long liquidations", LiquidationSide.Short => "short liquidations", _ => "liquidations" }} ≥ ${N(r.MinNotionalUsd / 1e6)} M on {Where(r.Venue)}",
            VenueStaleRule r => $"{(r.Venue ?? "any venue")} stale for more than {N(r.MinStale.TotalMinutes)} min",
            CompositeRule r => $"{r.Required} of {string.Join(", ", r.RuleIds.Select(id => ruleName?.Invoke(id) ?? id))} within {N(r.Within.TotalMinutes)} min",
            ConventionChangeRule r => $"funding interval or unit changes on {(r.Asset ?? "any asset")} at {Where(r.Venue)} (notified for {N(r.Window.TotalMinutes)} min)",
            _ => rule.Kind.ToString(),
        };
        return rule.Hysteresis > 0 && rule is not (VenueStaleRule or CompositeRule or ConventionChangeRule) ? $"{text} (hysteresis {N(rule.Hysteresis * 100)})" : text;
    }

    /// <summary>A transition's value in its kind's unit, for the history table.</summary>
    /// <param name="basis">Funding rules: the rule's basis, printed as the unit (null prints a bare %).</param>
    public static string FormatValue(AlertRuleKind kind, double value, RateBasis? basis = null) => kind switch
    {
        AlertRuleKind.FundingThreshold or AlertRuleKind.FundingFlip =>
            string.Create(CultureInfo.InvariantCulture, $"{value * 100:+0.####;-0.####;0} {(basis is { } b ? FundingBasis.Label(b) : "%")}"),
        AlertRuleKind.Spread => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.##} % APR"),
        AlertRuleKind.OpenInterestChange => string.Create(CultureInfo.InvariantCulture, $"{value * 100:+0.##;-0.##;0} %"),
        AlertRuleKind.LadderProximity => string.Create(CultureInfo.InvariantCulture, $"${value / 1e6:0.##} M"),
        AlertRuleKind.VenueStale => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} min"),
        AlertRuleKind.ConventionChange => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} min ago"),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };

    private static double Percent(double fraction) => Math.Round(fraction * 100, 10);
}
