using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using FundingWeb.Auth;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Sharing;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Postgres;

/// <summary>What nodes share through PostgreSQL: leases on advisory locks, notifications sent at commit, webhook claims,
/// the live state another node loads, Data Protection keys, and revocations heard on every node.</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class ClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private PostgresDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PostgresDatabase.CreateAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private PostgresLeadership Leadership(string node) => new(_db.Factory, node, TimeProvider.System, NullLogger<PostgresLeadership>.Instance);

    [Fact]
    public async Task Lease_LeaderSessionDies_StandbyTakesOverAndTheOldLeaseIsLost()
    {
        var a = Leadership("a");
        var b = Leadership("b");
        var leaseA = await a.AcquireAsync("venue:dydx", default);
        var standby = b.AcquireAsync("venue:dydx", default);
        var other = await b.AcquireAsync("venue:gmx", default); // another duty is free for anyone

        // The standby has tried (its session ran the try) and is still waiting.
        await Eventually.TrueAsync(() => Task.FromResult(CountTries() >= 1), Deadline, "the standby to have tried the lock");
        Assert.False(standby.IsCompleted);
        Assert.True(a.Holds("venue:dydx"));

        // The leader's session ends as a killed process's would: the server drops it, and the lock with it.
        using (var c = _db.Factory.Open())
        {
            c.Execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = (@key & 4294967295)::oid AND granted AND pid <> pg_backend_pid()",
                new { key = PostgresLeadership.KeyOf("venue:dydx") });
        }
        var leaseB = await standby.WaitAsync(Deadline);
        await Eventually.TrueAsync(() => leaseA.Lost.IsCancellationRequested, Deadline, "the old leader to notice its lease is gone");

        Assert.False(a.Holds("venue:dydx"));
        Assert.True(b.Holds("venue:dydx"));
        using (var c = _db.Factory.Open()) Assert.Equal("b", c.ExecuteScalar<string>("SELECT node FROM node_lease WHERE name = 'venue:dydx'"));
        await leaseA.DisposeAsync();
        await leaseB.DisposeAsync();
        await other.DisposeAsync();
    }

    private long CountTries()
    {
        using var c = _db.Factory.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_try_advisory_lock%'");
    }

    [Fact]
    public async Task Lease_Disposed_NextCandidateGetsIt()
    {
        var lease = await Leadership("a").AcquireAsync(AlertMonitor.LeaseName, default);
        var next = Leadership("b").AcquireAsync(AlertMonitor.LeaseName, default);
        await lease.DisposeAsync();
        await using var taken = await next.WaitAsync(Deadline);
        Assert.Equal(AlertMonitor.LeaseName, taken.Name);
    }

    [Fact]
    public async Task Channel_NotifyInTransaction_HeardOnCommitOnlyAndNeverByItsSender()
    {
        var (sender, senderListener) = await ListenAsync("a");
        var (receiver, receiverListener) = await ListenAsync("b");
        var heardByA = new ConcurrentQueue<ClusterMessage>();
        var heardByB = new ConcurrentQueue<ClusterMessage>();
        sender.Received += heardByA.Enqueue;
        receiver.Received += heardByB.Enqueue;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Factory.WriteAsync<int>((c, t) =>
        {
            sender.Send(c, t, ClusterMessage.Share, "1");
            throw new InvalidOperationException("rolled back");
        }, default));
        await _db.Factory.WriteAsync((c, t) => { sender.Send(c, t, ClusterMessage.Share, "2"); return 0; }, default);

        await Eventually.TrueAsync(() => !heardByB.IsEmpty, Deadline, "the committed notification");
        Assert.Equal([new ClusterMessage("a", ClusterMessage.Share, "2")], heardByB);
        Assert.Empty(heardByA);
        await senderListener.StopAsync(default);
        await receiverListener.StopAsync(default);
    }

    [Fact]
    public async Task Claims_TwoNodes_OnlyOneHoldsAPendingDeliveryUntilItRunsOut()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var repository = new AlertRepository(_db.Factory, time);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await repository.AddDeliveryAsync(new WebhookDelivery("k", "https://example.org/h", DeliveryStatus.Pending, 0, null, null, null, now), default);

        Assert.True(await repository.TryClaimDeliveryAsync("k", "a", now + 10_000, default));
        Assert.False(await repository.TryClaimDeliveryAsync("k", "b", now + 10_000, default));
        Assert.True(await repository.TryClaimDeliveryAsync("k", "a", now + 20_000, default)); // the holder renews
        time.Advance(TimeSpan.FromSeconds(21));
        Assert.True(await repository.TryClaimDeliveryAsync("k", "b", now + 40_000, default)); // a's claim ran out
        Assert.False(await repository.TryClaimDeliveryAsync("k", "a", now + 40_000, default));
        await repository.UpsertDeliveryAsync(new WebhookDelivery("k", "https://example.org/h", DeliveryStatus.Delivered, 1, null, now, now, now), default);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await repository.TryClaimDeliveryAsync("k", "a", now + 999_999, default)); // delivered is final
    }

    [Fact]
    public async Task LiveState_AfterPollsAndAFailure_AnotherNodeLoadsThePollersSnapshot()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 5, BackfillDays = 1, CongestionEveryHours = 0 }, time);
        var hub = new MarketHub(Options.Create(new LiveOptions()), time);
        var ingestor = new VenueIngestor(new MarketDataRepository(_db.Factory, "poller"), hub, time);
        var loader = new LiveSnapshotLoader(_db.Factory);
        foreach (var profile in world.Venues)
        {
            var client = new SimulatedVenueClient(world, profile);
            var tracker = new VenueStatusTracker(client.Venue.Id, TimeSpan.FromMinutes(1));
            for (var i = 0; i < 3; i++)
            {
                await ingestor.IngestAsync(client.Venue, await client.PollAsync(default), tracker, 12.5, default);
                time.Advance(TimeSpan.FromSeconds(2));
            }
            if (profile.Info.Id == "gmx") await ingestor.FailAsync(client.Venue, tracker, "simulated fault", 3, default);
        }

        var versions = await loader.GetVersionsAsync(default);
        foreach (var (id, expected) in hub.Current.Venues)
        {
            var (loaded, version) = (await loader.LoadAsync(id, default))!.Value;
            Assert.Equal(id == "gmx" ? 4 : 3, version);
            Assert.Equal(version, versions[id]);
            Assert.Equal(Json(expected), Json(loaded));
        }
        Assert.True(hub.Current.Venues["gmx"].Status.IsStale);
        Assert.Null(await loader.LoadAsync("nope", default));
    }

    // Legs in leg order and markets by symbol: the snapshot's meaning, not its dictionaries' insertion order.
    private static string Json(VenueSnapshot s) => JsonSerializer.Serialize(s with
    {
        Markets = s.Markets.ToImmutableDictionary(kv => kv.Key, kv => kv.Value with { Legs = [.. kv.Value.Legs.OrderBy(l => l.Leg)] }),
    }, new JsonSerializerOptions { WriteIndented = false }).Replace("},{", "},\n{");

    [Fact]
    public async Task DataProtectionKeys_ProtectedOnOneNode_UnprotectedOnAnother()
    {
        IDataProtector Node() => new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<DbConnectionFactory>(_db.Factory)
            .AddSingleton<DataProtectionKeyRepository>()
            .AddDataProtection().SetApplicationName("FundingWeb").Services
            .AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyRepository>((o, keys) => o.XmlRepository = keys).Services
            .BuildServiceProvider()
            .GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var cookie = Node().Protect("signed in as ana");
        Assert.Equal("signed in as ana", Node().Unprotect(cookie));
        using var c = _db.Factory.Open();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM data_protection_key"));
    }

    [Fact]
    public async Task Revocations_OnOneNode_HeardOnTheOther()
    {
        var (channelA, listenerA) = await ListenAsync("a");
        var (channelB, listenerB) = await ListenAsync("b");
        var sessionsA = new SessionStore(_db.Factory, TimeProvider.System, channelA);
        var sessionsB = new SessionStore(_db.Factory, TimeProvider.System, channelB);
        var revokedOnB = new ConcurrentQueue<string>();
        sessionsB.Revoked += revokedOnB.Enqueue;
        var linksA = new ShareLinkService(new ShareLinkRepository(_db.Factory, channelA), TimeProvider.System, NullLogger<ShareLinkService>.Instance, channelA);
        var linksB = new ShareLinkService(new ShareLinkRepository(_db.Factory, channelB), TimeProvider.System, NullLogger<ShareLinkService>.Instance, channelB);
        var linkChangesOnB = 0;
        using var _ = linksB.Subscribe(() => Interlocked.Increment(ref linkChangesOnB));

        var token = await sessionsA.CreateAsync("ana", TimeSpan.FromHours(1), default);
        Assert.True(await sessionsB.ValidateAsync(token, TimeSpan.FromHours(1), default));
        var created = await linksA.CreateAsync(new ShareScope("/funding", "BTC", ["dydx"], "7d", null, null, "apr", null, null), "desk", "ana", null, default);
        Assert.Equal(ShareResolutionStatus.Active, (await linksB.ResolveAsync(created.Token, default)).Status);

        await sessionsA.RevokeAsync(token, default);
        await linksA.RevokeAsync(created.Link.Id, default);

        await Eventually.TrueAsync(() => revokedOnB.Contains(SessionStore.Hash(token)) && Volatile.Read(ref linkChangesOnB) > 0, Deadline,
            "node b to hear both revocations");
        Assert.False(await sessionsB.ValidateAsync(token, TimeSpan.FromHours(1), default));
        Assert.Equal(ShareResolutionStatus.NotFound, (await linksB.ResolveAsync(created.Token, default)).Status);
        await listenerA.StopAsync(default);
        await listenerB.StopAsync(default);
    }

    private async Task<(ClusterChannel Channel, ClusterListener Listener)> ListenAsync(string node)
    {
        var channel = new ClusterChannel(_db.Factory, node);
        var listener = new ClusterListener(_db.Factory, channel, TimeProvider.System, NullLogger<ClusterListener>.Instance);
        await listener.StartAsync(default);
        await listener.Listening.WaitAsync(Deadline);
        return (channel, listener);
    }
}
