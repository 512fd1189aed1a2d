using Dapper;
using FundingWeb.Core.Sharing;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// One share-link store on either engine: each page's extras created and resolved back, unknown and oversized ones refused
/// with nothing stored, and a link stored before extras existed (no value in the column) opening with none.
/// </summary>
public static class ShareExtrasScenario
{
    public const string Book = "hyperliquid:BTC:long:1000000:2";

    public static IReadOnlyList<ShareScope> Scopes { get; } =
    [
        Scope(FundingUrls.OverviewPath, ("mode", "regime")),
        Scope(FundingUrls.SpreadsPath, ("notional", "250000")),
        Scope(FundingUrls.PortfolioPath, ("pos", Book), ("pos", "dydx:ETH:short:250000:20:iso"), ("col", "hyperliquid:300000"), ("delay", "1.5")),
    ];

    public static ShareScope Scope(string path, params (string Name, string Value)[] extras) =>
        new(path, null, [], "24h", null, null, "apr", Extras: ShareExtras.Of(extras.Select(e => new KeyValuePair<string, string?>(e.Name, e.Value))));

    public static ShareLinkService Service(DbConnectionFactory factory, TimeProvider time, IShareExtrasPolicy? policy) =>
        new(new ShareLinkRepository(factory), time, NullLogger<ShareLinkService>.Instance, null, policy);

    /// <summary>Runs every case on <paramref name="factory"/>; returns what came back, for engines to compare.</summary>
    public static async Task<string> RunAsync(DbConnectionFactory factory, TimeProvider time)
    {
        var links = Service(factory, time, PageShareExtras.Instance);
        var back = new List<string>();
        foreach (var scope in Scopes)
        {
            var created = await links.CreateAsync(scope, "desk", "ana", null, default);
            var resolved = await links.ResolveAsync(created.Token, default);
            Assert.Equal(scope with { Venues = resolved.Link!.Scope.Venues }, resolved.Link.Scope);
            back.Add(resolved.Link.Scope.Path + " " + resolved.Link.Scope.PageExtras.Encode());
        }
        var before = (await links.GetAllAsync(default)).Count;
        await Assert.ThrowsAsync<InvalidShareScopeException>(() => links.CreateAsync(Scope(FundingUrls.SpreadsPath, ("mode", "regime")), "x", "ana", null, default));
        await Assert.ThrowsAsync<InvalidShareScopeException>(() => links.CreateAsync(Scope(FundingUrls.PortfolioPath, ("pos", "x:y")), "x", "ana", null, default));
        await Assert.ThrowsAsync<InvalidShareScopeException>(() => Service(factory, time, null).CreateAsync(Scopes[0], "x", "ana", null, default));
        Assert.Equal(before, (await links.GetAllAsync(default)).Count);

        // Written as schema 003 wrote it: no extras column named.
        var token = ShareToken.Create();
        using (var connection = await factory.OpenAsync(default))
        {
            await connection.ExecuteAsync(
                "INSERT INTO share_link (token_hash, label, creator, path, asset, venues, range_token, basis, created_ms, state) " +
                "VALUES (@hash, 'old', 'ana', '/spreads', NULL, '', '24h', 'apr', 1, 0)", new { hash = ShareToken.Hash(token) });
        }
        var old = await links.ResolveAsync(token, default);
        Assert.Null(old.Link!.Scope.Extras);
        back.Add("old " + old.Link.Scope.PageExtras.Encode());
        return string.Join("\n", back);
    }

    public const string Expected =
        "/ mode=regime\n" +
        "/spreads notional=250000\n" +
        "/portfolio col=hyperliquid%3A300000&delay=1.5&pos=hyperliquid%3ABTC%3Along%3A1000000%3A2&pos=dydx%3AETH%3Ashort%3A250000%3A20%3Aiso\n" +
        "old ";
}
