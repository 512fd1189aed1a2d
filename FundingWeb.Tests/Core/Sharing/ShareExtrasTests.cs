using FundingWeb.Core.Sharing;
using Xunit;

namespace FundingWeb.Tests.Core.Sharing;

/// <summary>A page's extras in a share link: canonical, round-trip through their stored form whatever the characters, bounded when built.</summary>
[Trait("Category", "Fast")]
public sealed class ShareExtrasTests
{
    private static KeyValuePair<string, string?> P(string name, string? value) => new(name, value);

    [Fact]
    public void Of_NamesInOrder_ValuesOfANameInTheirOrder_EqualStateComparesEqual()
    {
        var a = ShareExtras.Of([P("pos", "b"), P("col", "x"), P("pos", "a")]);
        var b = ShareExtras.Of([P("col", "x"), P("pos", "b"), P("pos", "a"), P("delay", null)]);

        Assert.Equal(a, b);
        Assert.Equal("col=x&pos=b&pos=a", a.Encode());
        Assert.Equal(["b", "a"], a.Values("pos"));
        Assert.NotEqual(a, ShareExtras.Of([P("col", "x"), P("pos", "a"), P("pos", "b")]));
        Assert.True(ShareExtras.Of([]).IsEmpty);
        Assert.Same(ShareExtras.None, ShareExtras.Of(null));
    }

    [Theory]
    [InlineData("hyperliquid:BTC:long:1000000:2")]
    [InlineData("a&b=c%d+e f")]
    [InlineData("€ ü 日本")]
    [InlineData("")]
    [InlineData("=")]
    public void EncodeDecode_AnyValue_RoundTrips(string value)
    {
        var extras = ShareExtras.Of([P("pos", value), P("mode", "regime")]);

        Assert.Equal(extras, ShareExtras.Decode(extras.Encode()));
        Assert.Equal(value, ShareExtras.Decode(extras.Encode()).Value("pos"));
    }

    public static TheoryData<string, KeyValuePair<string, string?>[]> Oversized() => new()
    {
        { "at most 200 per value", [P("pos", new string('1', ShareExtras.MaxValueLength + 1))] },
        { "at most 64", Enumerable.Range(0, ShareExtras.MaxPairs + 1).Select(i => P("pos", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray() },
        // 30 values of 200 characters: each short enough, too much in all.
        { "more than 4,096 characters", Enumerable.Range(0, 30).Select(_ => P("pos", new string('x', 200))).ToArray() },
        { "control characters", [P("pos", "a\nb")] },
        { "not a page setting", [P("Pos", "a")] },
        { "not a page setting", [P("mode;drop", "a")] },
        { "not a page setting", [P("", "a")] },
        { "not a page setting", [P(new string('a', 17), "a")] },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public void Of_PastABound_RefusedWithTheBoundInWords(string reason, KeyValuePair<string, string?>[] pairs)
    {
        var ex = Assert.Throws<InvalidShareScopeException>(() => ShareExtras.Of(pairs));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-equals-sign")]
    [InlineData("Mode=regime")]
    [InlineData("mode=%ZZ")]
    [InlineData("pos=a%0Ab")]
    public void Decode_AnythingOf_CannotHaveStored_OpensWithNone(string? stored)
    {
        Assert.Same(ShareExtras.None, ShareExtras.Decode(stored));
    }

    [Fact]
    public void ShareScope_EmptyExtras_IsTheScopeWithout()
    {
        var without = new ShareScope("/", null, [], "24h", null, null, "apr");

        Assert.Equal(without, without with { Extras = ShareExtras.None });
        Assert.Equal(without, new ShareScope("/", null, [], "24h", null, null, "apr", Extras: ShareExtras.Of([])));
    }
}
