using Xunit;
using Dapper;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Tests.Core.Sharing;

[Trait("Category", "Fast")]
public sealed class ShareLinkServiceTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ShareLinkService _service;

    private static readonly ShareScope Scope = new("/funding", "BTC", ["dydx", "hyperliquid"], "7d", null, null, "8h", "24h");

    public ShareLinkServiceTests() => _service = new ShareLinkService(new ShareLinkRepository(_db.Factory), _time, NullLogger<ShareLinkService>.Instance);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task CreateThenResolve_ActiveLink_ScopeAndLastOpened()
    {
        var created = await _service.CreateAsync(Scope, " Desk view ", "alice", null, default);
        _time.Advance(TimeSpan.FromMinutes(5));

        var resolved = await _service.ResolveAsync(created.Token, default);

        Assert.Equal(ShareResolutionStatus.Active, resolved.Status);
        Assert.Equal("Desk view", resolved.Link!.Label);
        Assert.Equal("alice", resolved.Link.Creator);
        Assert.Equal(Scope with { Venues = resolved.Link.Scope.Venues }, resolved.Link.Scope);
        Assert.Equal(Scope.Venues, resolved.Link.Scope.Venues);
        var stored = Assert.Single(await _service.GetAllAsync(default));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), stored.LastOpenedMs);
        Assert.Equal(_time.GetUtcNow().AddMinutes(-5).ToUnixTimeMilliseconds(), stored.CreatedMs);
    }

    [Fact]
    public async Task Database_AfterCreatingLinks_HoldsOnlyHashesNeverTokens()
    {
        var tokens = new List<string>();
        for (var i = 0; i < 20; i++) tokens.Add((await _service.CreateAsync(Scope, $"link {i}", "alice", null, default)).Token);

        using var connection = _db.Factory.Open();
        var cells = connection.Query("SELECT * FROM share_link").Cast<IDictionary<string, object?>>()
            .SelectMany(row => row.Values).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        var hashes = connection.Query<string>("SELECT token_hash FROM share_link").ToHashSet();

        Assert.Equal(tokens.Select(ShareToken.Hash).ToHashSet(), hashes);
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(cells, c => c.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(cells, c => c.Contains(token[..16], StringComparison.Ordinal));
        }
        // The raw file too (WAL included): no token in any page.
        var bytes = File.ReadAllBytes(_db.Path).Concat(File.Exists(_db.Path + "-wal") ? File.ReadAllBytes(_db.Path + "-wal") : []).ToArray();
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        Assert.All(tokens, t => Assert.DoesNotContain(t, text));
    }

    [Fact]
    public async Task Resolve_AfterExpiry_NotFound()
    {
        var created = await _service.CreateAsync(Scope, "short-lived", "alice", _time.GetUtcNow().AddHours(1), default);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(ShareResolutionStatus.Active, (await _service.ResolveAsync(created.Token, default)).Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ShareResolution.NotFound, await _service.ResolveAsync(created.Token, default));
    }

    [Fact]
    public async Task Create_ExpiryInThePast_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _service.CreateAsync(Scope, "x", "alice", _time.GetUtcNow(), default));

    [Fact]
    public async Task PauseResumeRevoke_StatesAndNotifications()
    {
        var created = await _service.CreateAsync(Scope, "x", "alice", null, default);
        var id = created.Link.Id;
        var notified = 0;
        using var subscription = _service.Subscribe(() => notified++);

        Assert.True(await _service.PauseAsync(id, default));
        _time.Advance(TimeSpan.Zero); // subscribers hear through the one throttled primitive, on the clock
        Assert.Equal(1, notified);
        var paused = await _service.ResolveAsync(created.Token, default);
        Assert.Equal(ShareResolutionStatus.Paused, paused.Status);
        Assert.Null((await _service.GetAsync(id, default))!.LastOpenedMs);

        Assert.True(await _service.ResumeAsync(id, default));
        _time.Advance(TimeSpan.Zero);
        Assert.Equal(2, notified);
        Assert.Equal(ShareResolutionStatus.Active, (await _service.ResolveAsync(created.Token, default)).Status);

        Assert.True(await _service.RevokeAsync(id, default));
        _time.Advance(TimeSpan.Zero);
        Assert.Equal(ShareResolution.NotFound, await _service.ResolveAsync(created.Token, default));
        Assert.False(await _service.ResumeAsync(id, default)); // revoked is final
        _time.Advance(TimeSpan.Zero);
        Assert.Equal(ShareResolution.NotFound, await _service.ResolveAsync(created.Token, default));
        Assert.Equal(ShareLinkState.Revoked, (await _service.GetAsync(id, default))!.State);
        Assert.Equal(3, notified);
    }

    [Fact]
    public async Task Resolve_UnknownOrMalformed_NotFound()
    {
        await _service.CreateAsync(Scope, "x", "alice", null, default);

        Assert.Equal(ShareResolution.NotFound, await _service.ResolveAsync(ShareToken.Create(), default));
        Assert.Equal(ShareResolution.NotFound, await _service.ResolveAsync("../../etc", default));
        Assert.Equal(ShareResolution.NotFound, await _service.ResolveAsync(null, default));
    }

    [Fact]
    public void ShareScopes_RelativeRangeStaysRelative_CustomKeepsBounds()
    {
        var relative = FundingUrls.Parse("btc", "dydx,gmx", "30d", null, null, "apy", "8h");
        var scope = ShareScopes.FromView(FundingUrls.FundingPath, relative);
        Assert.Equal("30d", scope.RangeToken);
        Assert.Null(scope.RangeFromMs);
        Assert.Equal(relative.Range, ShareScopes.ToView(scope).Range);
        Assert.Equal(FundingUrls.Funding(relative), ShareScopes.ViewUrl(scope));

        var custom = FundingUrls.Parse("ETH", null, null, "2025-01-01T00:00:00Z", "2025-01-08T00:00:00Z", null);
        var back = ShareScopes.ToView(ShareScopes.FromView(FundingUrls.OpenInterestPath, custom));
        Assert.Equal(custom.Range, back.Range);
        Assert.Equal(custom.Basis, back.Basis);
    }
}
