using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>A chart redraws when its shape key changes: equal shapes (lists compared by content) share a key, markers are not shape.</summary>
[Trait("Category", "Fast")]
public sealed class ChartSpecTests
{
    private static ChartSpec Spec() => new() { Kind = "line", YTitle = "Funding", Colors = ["#fff", "#000"], YLines = [new ChartLine(0, "zero")] };

    [Fact]
    public void ShapeKey_EqualShapes_SameKey_AnyShapeChange_NewKey_MarkersAreNotShape()
    {
        var spec = Spec();
        var key = spec.ShapeKey;
        Assert.Equal(key, spec.ShapeKey);
        Assert.Equal(key, Spec().ShapeKey); // a new instance with equal lists
        Assert.Equal(key, (spec with { XLines = [new ChartLine(100, "price now")] }).ShapeKey);
        // A copy made after the key was worked out gets its own (a cached field would have followed it).
        Assert.NotEqual(key, (spec with { YTitle = "Other" }).ShapeKey);
        Assert.NotEqual(key, (spec with { Colors = ["#fff", "#001"] }).ShapeKey);
        Assert.NotEqual(key, (spec with { YLines = null }).ShapeKey);
        Assert.NotEqual(key, (spec with { Height = 321 }).ShapeKey);
        Assert.Matches("^[0-9a-f]{64}$", key);
    }
}
