using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Postgres;

/// <summary>Share links' page extras on both engines (SQLite 010, PostgreSQL 004): the same scopes back, the same refusals, old links alike.</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class ShareExtrasParityTests : IAsyncLifetime
{
    private readonly TempDatabase _sqlite = new();
    private PostgresDatabase _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _sqlite.Dispose();
    }

    [Fact]
    public async Task ShareExtras_CreatedResolvedRefusedAndOld_SameOnBothEngines()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var onSqlite = await ShareExtrasScenario.RunAsync(_sqlite.Factory, time);
        var onPostgres = await ShareExtrasScenario.RunAsync(_postgres.Factory, time);

        Assert.Equal(ShareExtrasScenario.Expected, onPostgres);
        Assert.Equal(onSqlite, onPostgres);
    }
}
