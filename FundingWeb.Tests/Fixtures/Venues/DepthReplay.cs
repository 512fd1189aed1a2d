using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Http;
using FundingWeb.Tests.Fixtures;

namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>A loopback venue server and the HTTP edge a depth source reads it through, for one test class.</summary>
public sealed class DepthReplay : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private DepthReplay(LoopbackVenueServer server) => Server = server;

    public LoopbackVenueServer Server { get; }

    public static async Task<DepthReplay> StartAsync() => new(await LoopbackVenueServer.StartAsync());

    public VenueHttp Edge(string prefix) =>
        new(_http, new VenueOptions { BaseUrl = Server.BaseUrl + prefix, RequestsPerMinute = 6000, RequestTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);

    public static Market Market(string venue, string symbol, string asset) => new(venue, symbol, asset, 1, 20, 0.01);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
