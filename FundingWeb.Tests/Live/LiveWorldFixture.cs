using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Live;

/// <summary>The app started once in Live mode against the six replayed venues, shared by the tests of one class.</summary>
public sealed class LiveWorldFixture : IAsyncLifetime
{
    public LiveVenueWorld World { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        World = await LiveVenueWorld.StartAsync();
        await Eventually.TrueAsync(World.AllFreshAsync, TimeSpan.FromSeconds(30), "all six live venues fresh");
    }

    public async Task DisposeAsync() => await World.DisposeAsync();
}
