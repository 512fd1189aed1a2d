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
}
