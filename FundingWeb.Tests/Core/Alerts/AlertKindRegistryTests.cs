using System.Reflection;
using System.Text.Json.Serialization;
using FundingWeb.Core.Alerts;
using Xunit;

namespace FundingWeb.Tests.Core.Alerts;

/// <summary>Every kind is one complete definition: a forgotten part fails here, not silently in production.</summary>
[Trait("Category", "Fast")]
public sealed class AlertKindRegistryTests
{
    public static TheoryData<AlertRuleKind> Kinds => [.. Enum.GetValues<AlertRuleKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_HasOneCompleteDefinitionWithAStoredRuleType(AlertRuleKind kind)
    {
        var definitions = AlertKinds.All.Where(k => k.Kind == kind).ToList();
        var definition = Assert.Single(definitions);
        Assert.False(string.IsNullOrWhiteSpace(definition.Title));
        Assert.False(string.IsNullOrWhiteSpace(definition.ValueUnit));
        Assert.True(typeof(AlertRule).IsAssignableFrom(definition.RuleType));

        // The rule type is stored under the kind's token, and says it is of this kind.
        var derived = typeof(AlertRule).GetCustomAttributes<JsonDerivedTypeAttribute>().SingleOrDefault(a => a.DerivedType == definition.RuleType);
        Assert.NotNull(derived);
        Assert.Equal(definition.Token, derived.TypeDiscriminator);
        var sample = (AlertRule)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(definition.RuleType);
        Assert.Equal(kind, sample.Kind);
    }

    [Fact]
    public void Registry_NoDefinitionWithoutAnEnumValue()
    {
        Assert.Equal(Enum.GetValues<AlertRuleKind>().Length, AlertKinds.All.Count);
        Assert.Equal(AlertKinds.All.Count, AlertKinds.All.Select(k => k.RuleType).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_HasFormFieldsThatMakeAndShowItsRule(AlertRuleKind kind)
    {
        var definition = AlertKinds.For(kind);

        // A kind without fields would be offered on the Alerts page with nothing to fill in and could never be made.
        Assert.NotEmpty(definition.Fields);
        Assert.Equal(definition.Fields.Count, definition.Fields.Select(f => f.Slot).Distinct().Count());
        Assert.All(definition.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
        Assert.All(definition.Fields, f => Assert.True(f.TypedPerStored > 0 && double.IsFinite(f.TypedPerStored), $"{kind} {f.Slot}"));
        Assert.All(definition.Fields.Where(f => f.Slot == AlertFieldSlot.Direction), f => Assert.NotEmpty(f.Choices ?? []));

        var rule = definition.Build("id", "name", Sample(definition));
        Assert.Equal(kind, rule.Kind);
        Assert.Equal(definition.RuleType, rule.GetType());
        var again = definition.Build("id", "name", definition.ToForm(rule));
        Assert.True(AlertRuleJson.SameDefinition(rule, again), $"{AlertRuleJson.Serialize(rule)} came back as {AlertRuleJson.Serialize(again)}");
        Assert.False(string.IsNullOrWhiteSpace(definition.Describe(rule)));
        Assert.False(string.IsNullOrWhiteSpace(definition.FormatValue(rule, 1)));
    }

    /// <summary>A valid value for every field the kind declares, and nothing in the slots it does not.</summary>
    private static AlertFormValues Sample(AlertKind definition)
    {
        var values = new AlertFormValues();
        foreach (var f in definition.Fields)
        {
            values = f.Slot switch
            {
                AlertFieldSlot.Asset => values with { Asset = "BTC" },
                AlertFieldSlot.Venue => values with { Venue = "dydx" },
                AlertFieldSlot.Direction => values with { Direction = f.Choices![^1].Token },
                AlertFieldSlot.Threshold => values with { Threshold = (f.Min ?? 0) + 7 },
                AlertFieldSlot.MinNotionalUsd => values with { MinNotionalUsd = 2e6 },
                AlertFieldSlot.Minutes => values with { Minutes = 12 },
                AlertFieldSlot.RuleIds => values with { RuleIds = ["a", "b", "c"] },
                AlertFieldSlot.Required => values with { Required = 2 },
                _ => values,
            };
        }
        return values;
    }
}
