using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Sharing;

/// <summary>Share links keep each page's extras on SQLite (schema 010); refused extras store nothing; links from before read as none.</summary>
[Trait("Category", "Fast")]
public sealed class ShareExtrasStorageTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task CreateResolve_EachPagesExtras_SameScopeBack_RefusedStoreNothing_OldLinksOpenWithNone()
    {
        var answer = await ShareExtrasScenario.RunAsync(_db.Factory, new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(ShareExtrasScenario.Expected, answer);
    }
}
