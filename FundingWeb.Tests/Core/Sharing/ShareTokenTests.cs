using Xunit;
using System.Buffers.Text;
using FundingWeb.Core.Sharing;

namespace FundingWeb.Tests.Core.Sharing;

[Trait("Category", "Fast")]
public class ShareTokenTests
{
    [Fact]
    public void Create_TenThousand_AtLeast128BitsAllDistinctWellFormed()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => ShareToken.Create()).ToList();

        Assert.Equal(10_000, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t =>
        {
            Assert.True(ShareToken.IsWellFormed(t));
            Assert.True(Base64Url.DecodeFromChars(t).Length * 8 >= 128);
        });
        // Every base64url symbol turns up at every position over 10,000 draws only if the bits really vary.
        Assert.Equal(64, tokens.Select(t => t[5]).Distinct().Count());
    }

    [Fact]
    public void Hash_Token_Sha256HexNotContainingToken()
    {
        var token = ShareToken.Create();
        var hash = ShareToken.Hash(token);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ShareToken.Hash(token));
        Assert.NotEqual(hash, ShareToken.Hash(ShareToken.Create()));
        Assert.DoesNotContain(token, hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/+")]
    public void IsWellFormed_WrongShape_False(string? token) => Assert.False(ShareToken.IsWellFormed(token));
}
