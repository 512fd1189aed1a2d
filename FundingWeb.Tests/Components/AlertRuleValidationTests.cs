using FundingWeb.Core.Alerts;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The rule form's validation is total: whatever each field holds (empty, zero, negative, not a number, infinite, huge,
/// hostile text) and whichever kind is chosen, it answers with errors about fields that kind shows, or a rule; never throws.
/// </summary>
[Trait("Category", "Fast")]
public sealed class AlertRuleValidationTests
{
    private static readonly double?[] Numbers = [null, 0, -1, 1e-12, 25, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity];
    private static readonly string[] Texts = ["", " ", "BTC", "x", new string('n', 81), "javascript:alert(1)", "https://hooks.example.com/x", "\r\nX: 1", "<b>"];

    [Fact]
    public void Validate_EveryKindOverHostileValues_NamesOnlyShownFieldsAndToRuleNeverThrows()
    {
        var random = new Random(20261201);
        var checkedForms = 0;
        foreach (var kind in Enum.GetValues<AlertRuleKind>())
        {
            for (var i = 0; i < 400; i++)
            {
                var form = new AlertRuleForm();
                form.SetKind(kind);
                // Fields a previous kind left behind are part of the family: a hidden field must never block or break a save.
                form.Name = Pick(random, Texts);
                form.Asset = Pick(random, Texts);
                form.Venue = Pick(random, ["", "dydx", "nowhere"]);
                if (random.Next(4) == 0) form.Direction = Pick(random, ["", "Above", "Sideways", "Long"]);
                form.ThresholdPercent = Pick(random, Numbers);
                form.HysteresisPercent = Pick(random, Numbers);
                form.Minutes = Pick(random, Numbers);
                form.MinNotionalUsd = Pick(random, Numbers);
                form.CooldownMinutes = Pick(random, Numbers) ?? 0;
                form.Required = random.Next(-1, 4);
                form.RuleIds = [.. Enumerable.Range(0, random.Next(4)).Select(n => "r" + n)];
                form.WebhookUrl = Pick(random, Texts);

                var errors = form.Validate();
                Assert.All(errors, e => Assert.Contains(e.Field, form.Fields));
                Assert.All(errors, e => Assert.StartsWith(e.Message.Split(':')[0], e.Message, StringComparison.Ordinal));
                var (rule, again) = form.ToRule(() => "id");
                Assert.Equal(errors, again);
                Assert.Equal(errors.Count == 0, rule is not null);
                if (rule is not null)
                {
                    Assert.Equal(kind, rule.Kind);
                    Assert.True(double.IsFinite(rule.Hysteresis) && rule.Hysteresis >= 0, $"{kind}: hysteresis {rule.Hysteresis}");
                    Assert.True(rule.Cooldown >= TimeSpan.Zero);
                }
                checkedForms++;
            }
        }
        Assert.Equal(Enum.GetValues<AlertRuleKind>().Length * 400, checkedForms);
    }

    [Fact]
    public void Validate_HysteresisLeftNegativeByAnotherKind_DoesNotBlockAKindWithoutHysteresis()
    {
        var form = new AlertRuleForm { Name = "stale", HysteresisPercent = -5, Minutes = 5 };
        form.SetKind(AlertRuleKind.VenueStale);
        Assert.Empty(form.Validate());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(1e300)]
    [InlineData(-1)]
    public void Validate_WindowNotANumberOrPastAYear_NamedAtMinutes(double minutes)
    {
        var form = new AlertRuleForm { Name = "spread", ThresholdPercent = 10, Minutes = minutes };
        form.SetKind(AlertRuleKind.Spread);
        var (rule, errors) = form.ToRule(() => "id");
        Assert.Null(rule);
        Assert.Equal(nameof(AlertRuleForm.Minutes), Assert.Single(errors).Field);
    }

    [Fact]
    public void Fields_FollowTheKind() 
    {
        var form = new AlertRuleForm();
        form.SetKind(AlertRuleKind.Composite);
        Assert.Contains(nameof(AlertRuleForm.RuleIds), form.Fields);
        Assert.DoesNotContain(nameof(AlertRuleForm.Asset), form.Fields);
        form.SetKind(AlertRuleKind.LadderProximity);
        Assert.Contains(nameof(AlertRuleForm.MinNotionalUsd), form.Fields);
        Assert.DoesNotContain(nameof(AlertRuleForm.RuleIds), form.Fields);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
