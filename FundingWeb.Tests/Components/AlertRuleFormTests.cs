using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public class AlertRuleFormTests
{
    private static AlertRuleForm Form(AlertRuleKind kind, Action<AlertRuleForm> fill)
    {
        var form = new AlertRuleForm { Name = "rule" };
        form.SetKind(kind);
        fill(form);
        return form;
    }

    private static T Make<T>(AlertRuleForm form) where T : AlertRule
    {
        var (rule, errors) = form.ToRule(() => "new-id");
        Assert.Empty(errors);
        return Assert.IsType<T>(rule);
    }

    [Theory]
    [InlineData(RateBasis.Apr, 50, 0.5)]           // 50 % APR
    [InlineData(RateBasis.EightHour, 0.01, 0.0001)] // 0.01 % per 8h
    [InlineData(RateBasis.Hourly, -0.005, -0.00005)] // below a negative hourly rate
    public void FundingThreshold_PercentAtTheBasis_IsStoredAsAFractionAtThatBasis(RateBasis basis, double percent, double fraction)
    {
        var rule = Make<FundingThresholdRule>(Form(AlertRuleKind.FundingThreshold, f =>
        {
            (f.Asset, f.Venue, f.Basis, f.ThresholdPercent, f.HysteresisPercent, f.CooldownMinutes) = ("btc", "", basis, percent, 5, 30);
            f.Direction = nameof(ThresholdDirection.Below);
        }));
        Assert.Equal(("new-id", "BTC", (string?)null, basis, ThresholdDirection.Below), (rule.Id, rule.Asset, rule.Venue, rule.Basis, rule.Direction));
        Assert.Equal(fraction, rule.Threshold, 15);
        Assert.Equal(0.05, rule.Hysteresis, 15);
        Assert.Equal(TimeSpan.FromMinutes(30), rule.Cooldown);
        Assert.Null(rule.WebhookUrl);
    }

    [Fact]
    public void EveryKind_RoundTripsThroughTheForm()
    {
        AlertRule[] rules =
        [
            new FundingThresholdRule { Id = "a", Name = "A", Asset = "ETH", Venue = "dydx", Threshold = 0.0002, Basis = RateBasis.EightHour, Hysteresis = 0.00005, Cooldown = TimeSpan.FromMinutes(10), WebhookUrl = "https://hooks.example/x" },
            new FundingFlipRule { Id = "b", Name = "B", Asset = "SOL", Venue = "hyperliquid", Direction = FlipDirection.ToNegative, Hysteresis = 0.01 },
            new SpreadRule { Id = "c", Name = "C", Asset = "BTC", ThresholdApr = 0.3, MinDuration = TimeSpan.FromMinutes(20), Hysteresis = 0.05 },
            new OpenInterestChangeRule { Id = "d", Name = "D", Asset = "BTC", ThresholdFraction = 0.1, Window = TimeSpan.FromHours(4), Direction = ChangeDirection.Rise },
            new LadderProximityRule { Id = "e", Name = "E", Asset = "BTC", Venue = "hyperliquid", WithinFraction = 0.02, MinNotionalUsd = 5e6, Side = LiquidationSide.Long, Hysteresis = 0.005 },
            new VenueStaleRule { Id = "f", Name = "F", Venue = "aevo", MinStale = TimeSpan.FromMinutes(5), Enabled = false },
            new CompositeRule { Id = "g", Name = "G", RuleIds = ["a", "c", "d"], Required = 2, Within = TimeSpan.FromMinutes(30) },
        ];
        foreach (var rule in rules)
        {
            var (again, errors) = AlertRuleForm.From(rule).ToRule(() => throw new InvalidOperationException("an edit keeps its id"));
            Assert.Empty(errors);
            Assert.True(AlertRuleJson.SameDefinition(rule, again!), $"{AlertRuleJson.Serialize(rule)} came back as {AlertRuleJson.Serialize(again!)}");
        }
    }

    [Fact]
    public void Spread_MinutesAndApr()
    {
        var rule = Make<SpreadRule>(Form(AlertRuleKind.Spread, f => (f.Asset, f.ThresholdPercent, f.Minutes) = ("BTC", 25, 15)));
        Assert.Equal(0.25, rule.ThresholdApr, 15);
        Assert.Equal(TimeSpan.FromMinutes(15), rule.SustainFor);
    }

    [Fact]
    public void MissingAndBadFields_AreEachNamedAtTheirField_AndNoRuleIsMade()
    {
        var (rule, errors) = Form(AlertRuleKind.LadderProximity, f => (f.Name, f.ThresholdPercent, f.MinNotionalUsd, f.WebhookUrl, f.CooldownMinutes) = (" ", -1, null, "javascript:alert(1)", -5))
            .ToRule(() => "x");
        Assert.Null(rule);
        Assert.Contains(new FieldError(nameof(AlertRuleForm.Name), "Name: give the rule a name."), errors);
        Assert.Contains(new FieldError(nameof(AlertRuleForm.ThresholdPercent), "Threshold: must be above zero."), errors);
        Assert.Contains(new FieldError(nameof(AlertRuleForm.MinNotionalUsd), "Minimum notional: enter USD above zero."), errors);
        Assert.Contains(new FieldError(nameof(AlertRuleForm.CooldownMinutes), "Cooldown: between 0 and 10,080 minutes."), errors);
        Assert.Contains(errors, e => e.Field == nameof(AlertRuleForm.WebhookUrl) && e.Message.StartsWith("Webhook:", StringComparison.Ordinal));

        (_, errors) = Form(AlertRuleKind.FundingFlip, f => f.Venue = "").ToRule(() => "x");
        Assert.Contains(new FieldError(nameof(AlertRuleForm.Venue), "Venue: a flip is watched on one venue."), errors);

        (_, errors) = Form(AlertRuleKind.Composite, f => (f.Id, f.RuleIds, f.Required, f.Minutes) = ("self", ["self"], 3, 0)).ToRule(() => "x");
        Assert.Contains(new FieldError(nameof(AlertRuleForm.RuleIds), "Rules: choose at least two rules."), errors);
        Assert.Contains(new FieldError(nameof(AlertRuleForm.Required), "How many: between 1 and the 1 rules chosen."), errors);
        Assert.Contains(new FieldError(nameof(AlertRuleForm.RuleIds), "Rules: a rule cannot count itself."), errors);
        Assert.Contains(new FieldError(nameof(AlertRuleForm.Minutes), "Within (minutes): above zero."), errors);
    }

    [Fact]
    public void SetKind_ResetsTheDirectionToThatKindsFirstChoice()
    {
        var form = Form(AlertRuleKind.FundingThreshold, f => f.Direction = nameof(ThresholdDirection.Below));
        form.SetKind(AlertRuleKind.OpenInterestChange);
        Assert.Equal(nameof(ChangeDirection.Either), form.Direction);
        form.SetKind(AlertRuleKind.LadderProximity);
        Assert.Equal("", form.Direction);
        Assert.IsType<LadderProximityRule>(Form(AlertRuleKind.LadderProximity, f => (f.ThresholdPercent, f.MinNotionalUsd) = (2, 1e6)).ToRule(() => "x").Rule);
    }

    [Theory]
    [InlineData(AlertRuleKind.FundingThreshold, 0.55, "+55 %")]
    [InlineData(AlertRuleKind.Spread, 0.3125, "31.25 % APR")]
    [InlineData(AlertRuleKind.OpenInterestChange, -0.125, "-12.5 %")]
    [InlineData(AlertRuleKind.LadderProximity, 12_340_000, "$12.34 M")]
    [InlineData(AlertRuleKind.VenueStale, 6.26, "6.3 min")]
    [InlineData(AlertRuleKind.Composite, 2, "2")]
    public void FormatValue_SpeaksTheKindsUnit(AlertRuleKind kind, double value, string expected) =>
        Assert.Equal(expected, AlertRuleText.FormatValue(kind, value));
}
