using FundingWeb.Tests.Core.Storage;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Postgres;

/// <summary>reference_rate through its store on both engines: the same rows written, replaced, read in order and thinned.</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class ReferenceRateParityTests : IAsyncLifetime
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
    public async Task ReferenceRates_WrittenReplacedReadAndThinned_SameOnBothEngines()
    {
        var onSqlite = await ReferenceRateRepositoryTests.RoundTripAsync(_sqlite.Factory);
        var onPostgres = await ReferenceRateRepositoryTests.RoundTripAsync(_postgres.Factory);

        Assert.Contains(" | 3 | ", onSqlite);
        Assert.Equal(onSqlite, onPostgres);
    }
}
