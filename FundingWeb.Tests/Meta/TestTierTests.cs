using System.Reflection;
using Xunit;

namespace FundingWeb.Tests.Meta;

/// <summary>
/// The README's test command runs the Fast tier, then everything else; a test class without a tier still runs (in the slow
/// pass), but the fast pass is only fast if nothing that starts a server or a browser is marked Fast. This pins that every
/// test class says which tier it is in, and that the classes that start processes are not in the fast one.
/// </summary>
[Trait("Category", "Fast")]
public sealed class TestTierTests
{
    private static readonly string[] SlowNamespaces = ["FundingWeb.Tests.Browser", "FundingWeb.Tests.Live", "FundingWeb.Tests.Postgres", "FundingWeb.Tests.Cluster"];

    private static IEnumerable<Type> TestClasses() => typeof(TestTierTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()));

    private static string[] Tiers(Type type) => CustomAttributeData.GetCustomAttributes(type)
        .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Category")
        .Select(a => (string)a.ConstructorArguments[1].Value!)
        .Where(v => v is "Fast" or "Slow")
        .ToArray();

    [Fact]
    public void EveryTestClass_IsInExactlyOneTier()
    {
        var classes = TestClasses().ToList();
        Assert.True(classes.Count > 50, "the test classes were not found");
        var untiered = classes.Where(t => Tiers(t).Length != 1).Select(t => t.FullName).ToList();
        Assert.True(untiered.Count == 0, "test classes without exactly one of Fast/Slow: " + string.Join(", ", untiered));
    }

    [Fact]
    public void ClassesThatStartBrowsersOrServers_AreNotFast()
    {
        var wrong = TestClasses()
            .Where(t => SlowNamespaces.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true) && Tiers(t).Contains("Fast"))
            .Select(t => t.FullName).ToList();
        Assert.True(wrong.Count == 0, "marked Fast but start a browser, a venue world or PostgreSQL: " + string.Join(", ", wrong));
    }
}
