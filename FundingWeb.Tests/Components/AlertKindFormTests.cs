using FundingWeb.Components.Controls;
using FundingWeb.Core.Alerts;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Alerts form driven by the kinds' definitions: the chain and lag kinds are offered, typed in seconds and judged by their fields.</summary>
[Trait("Category", "Fast")]
public sealed class AlertKindFormTests
{
    private static AlertRuleForm Form(AlertRuleKind kind, Action<AlertRuleForm> fill)
    {
        var form = new AlertRuleForm { Name = "rule" };
        form.SetKind(kind);
        fill(form);
        return form;
    }

    [Fact]
    public void Editor_OffersEveryRegisteredKindByItsTitle() =>
        Assert.Equal(AlertKinds.All.Select(k => (k.Kind, k.Title)), AlertRuleEditor.Kinds);

    [Fact]
    public void ChainHeadAge_ThresholdAndHysteresisStayInSeconds()
    {
        var (rule, errors) = Form(AlertRuleKind.ChainHeadAge, f => (f.Venue, f.ThresholdPercent, f.HysteresisPercent) = ("gmx", 90, 10)).ToRule(() => "id");

        Assert.Empty(errors);
        var chain = Assert.IsType<ChainHeadAgeRule>(rule);
        Assert.Equal(("gmx", 90d, 10d), (chain.Venue, chain.MaxAgeSeconds, chain.Hysteresis));
        Assert.Equal("s", Form(AlertRuleKind.ChainHeadAge, _ => { }).ThresholdUnit);
        Assert.Equal("chain head of gmx older than 90 s (or its sequencer down) (hysteresis 10)", AlertRuleText.Describe(chain));
        Assert.Equal(90, AlertRuleForm.From(chain).ThresholdPercent);
    }

    [Theory]
    [InlineData(null, "Threshold: enter a number (s).")]
    [InlineData(0d, "Threshold: must be above zero.")]
    [InlineData(double.NaN, "Threshold: not a number.")]
    [InlineData(1e12, "Threshold: at most 31,536,000.")]
    public void ChainHeadAge_BadThreshold_NamedAtTheThreshold(double? seconds, string message)
    {
        var (rule, errors) = Form(AlertRuleKind.ChainHeadAge, f => f.ThresholdPercent = seconds).ToRule(() => "id");

        Assert.Null(rule);
        Assert.Equal(new FieldError(nameof(AlertRuleForm.ThresholdPercent), message), Assert.Single(errors));
    }

    [Fact]
    public void DataLag_SecondsForMinutes()
    {
        var (rule, errors) = Form(AlertRuleKind.DataLag, f => (f.ThresholdPercent, f.Minutes) = (45, 3)).ToRule(() => "id");

        Assert.Empty(errors);
        var lag = Assert.IsType<DataLagRule>(rule);
        Assert.Null(lag.Venue);
        Assert.Equal((45d, TimeSpan.FromMinutes(3)), (lag.MaxLagSeconds, lag.MinDuration));
    }

    [Fact]
    public void SequencerDownAndRegime_MadeFromTheirFields()
    {
        Assert.IsType<SequencerDownRule>(Form(AlertRuleKind.SequencerDown, _ => { }).ToRule(() => "id").Rule);
        var regime = Assert.IsType<RegimeChangeRule>(Form(AlertRuleKind.RegimeChange, f => (f.Asset, f.Direction) = ("eth", "Extreme")).ToRule(() => "id").Rule);
        Assert.Equal("ETH", regime.Asset);
        Assert.Equal([FundingWeb.Core.Regimes.FundingRegimeLabel.Extreme], regime.Labels);
        Assert.Equal("Extreme", AlertRuleForm.From(regime).Direction);
    }

    [Fact]
    public void Text_DelegatesToTheKindsDefinition()
    {
        var stale = new VenueStaleRule { Id = "s", Name = "S", Venue = "aevo", MinStale = TimeSpan.FromMinutes(5) };

        Assert.Equal(AlertKinds.For(stale).Describe(stale), AlertRuleText.Describe(stale));
        Assert.Equal("4 s", AlertRuleText.FormatValue(AlertRuleKind.DataLag, 4));
    }
}
