using FundingWeb.Core.Chains;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Chains;

/// <summary>Each probe against a loopback server speaking its JSON shapes: healthy, stalled, sequencer down, and broken answers.</summary>
[Trait("Category", "Fast")]
public sealed class ChainProbeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Now);
    private readonly HttpClient _http = new();
    private readonly JsonRpcReplay _chain = new() { HeadSeconds = Now.ToUnixTimeSeconds() - 2, SettledSeconds = Now.ToUnixTimeSeconds() - 900 };
    private LoopbackVenueServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        _chain.MapEvm(_server, "/arbitrum");
        _chain.MapStarknet(_server, "/starknet");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ChainOptions Options(string path, string? feed = null) =>
        new() { Name = "test chain", RpcUrl = _server.BaseUrl + path, SequencerFeed = feed, RequestTimeout = TimeSpan.FromSeconds(2), RequestsPerMinute = 6000 };

    private EvmChainProbe Evm(string? feed = null) { var o = Options("/arbitrum", feed); return new EvmChainProbe(new JsonRpc(JsonRpc.Http(_http, o, _time)), o, _time); }

    private StarknetChainProbe Starknet() { var o = Options("/starknet"); return new StarknetChainProbe(new JsonRpc(JsonRpc.Http(_http, o, _time)), o, _time); }

    [Fact]
    public async Task Evm_HealthyChain_HeadAgeSettledLagAndSequencerUpSince()
    {
        _chain.SequencerAnswer = 0;
        _chain.SequencerStartedAt = Now.ToUnixTimeSeconds() - 86_400;
        var reading = await Evm(feed: "0xFdB631F5EE196F0ed6FAa767959853A9F217697D").ProbeAsync(default);

        Assert.Null(reading.Problem);
        Assert.Equal(1_000, reading.HeadNumber);
        Assert.Equal(2, reading.HeadAgeSeconds(Now.ToUnixTimeMilliseconds()));
        Assert.Equal(898, reading.L1LagSeconds);
        Assert.Equal(SequencerState.Up, reading.Sequencer);
        Assert.Equal(Now.AddDays(-1).ToUnixTimeMilliseconds(), reading.SequencerSinceMs);
        Assert.Equal(ChainState.Fresh, ChainHealth.Of(reading, ChainLimits.Default, Now.ToUnixTimeMilliseconds()).State);
    }

    [Fact]
    public async Task Evm_StalledHead_StalledWithTheAgeInTheReason()
    {
        _chain.HeadSeconds = Now.ToUnixTimeSeconds() - 600;
        var reading = await Evm().ProbeAsync(default);
        var health = ChainHealth.Of(reading, ChainLimits.Default, Now.ToUnixTimeMilliseconds());
        Assert.Equal(ChainState.Stalled, health.State);
        Assert.Contains("600 s old", health.Reason);
        Assert.Equal(SequencerState.Unknown, reading.Sequencer);
    }

    [Fact]
    public async Task Evm_SequencerDown_StalledSinceTheFeedsStartedAt()
    {
        _chain.SequencerAnswer = 1;
        _chain.SequencerStartedAt = Now.ToUnixTimeSeconds() - 120;
        var reading = await Evm(feed: "0xFdB631F5EE196F0ed6FAa767959853A9F217697D").ProbeAsync(default);
        var health = ChainHealth.Of(reading, ChainLimits.Default, Now.ToUnixTimeMilliseconds());
        Assert.Equal(SequencerState.Down, reading.Sequencer);
        Assert.Equal(ChainState.Stalled, health.State);
        Assert.Contains("sequencer down since 11:58:00 UTC", health.Reason);
    }

    [Fact]
    public async Task Evm_NoFinalizedTag_FallsBackToSafe()
    {
        _chain.Failing.Add("eth_getBlockByNumber:finalized");
        var reading = await Evm().ProbeAsync(default);
        Assert.Null(reading.Problem);
        Assert.Equal(898, reading.L1LagSeconds);
    }

    public static TheoryData<string, VenueFault?, string?, string> Broken => new()
    {
        // case, server fault, raw body, what the reason names
        { "timeout", VenueFault.Timeout, null, "timeout" },
        { "HTTP 500", VenueFault.ServerError, null, "HTTP 500" },
        { "garbage", VenueFault.MalformedJson, null, "malformed JSON" },
        { "not JSON-RPC", null, "[1,2,3]", "not a JSON-RPC object" },
        { "no result", null, """{"jsonrpc":"2.0","id":1}""", "no result" },
        { "block without fields", null, """{"jsonrpc":"2.0","id":1,"result":{"number":"12"}}""", "without a hex number" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Evm_BrokenAnswer_UnknownWithTheReasonAndNoThrow(string scenario, VenueFault? fault, string? raw, string reason)
    {
        if (fault is { } f) _server.SetFault("/arbitrum", f);
        _chain.Raw = raw;
        var options = Options("/arbitrum");
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        var reading = await new EvmChainProbe(new JsonRpc(JsonRpc.Http(_http, options, _time)), options, _time).ProbeAsync(default);
        Assert.Contains(reason, reading.Problem);
        Assert.Null(reading.HeadTimeMs);
        Assert.Equal(ChainState.Unknown, ChainHealth.Of(reading, ChainLimits.Default, Now.ToUnixTimeMilliseconds()).State);
        Assert.NotEmpty(scenario);
    }

    [Fact]
    public async Task Evm_FeedAnswerThatIsNoStatus_SequencerUnknownWithTheReason()
    {
        _chain.SequencerAnswer = 5;
        var reading = await Evm(feed: "0x1").ProbeAsync(default);
        Assert.Equal(SequencerState.Unknown, reading.Sequencer);
        Assert.Contains("neither 0 (up) nor 1 (down)", reading.Problem);
        Assert.NotNull(reading.HeadTimeMs);
    }

    [Fact]
    public async Task Starknet_HeadAndL1Accepted_L1LagFromTheAcceptedBlock()
    {
        _chain.SettledSeconds = Now.ToUnixTimeSeconds() - 3 * 3600;
        var reading = await Starknet().ProbeAsync(default);
        Assert.Null(reading.Problem);
        Assert.Equal(3 * 3600 - 2, reading.L1LagSeconds);
    }

    [Fact]
    public async Task Starknet_NodeWithoutTheL1AcceptedTag_HeadKnownL1LagUnknownAndSaid()
    {
        _chain.Failing.Add("starknet_getBlockWithTxHashes:l1_accepted");
        var reading = await Starknet().ProbeAsync(default);
        Assert.Equal(2, reading.HeadAgeSeconds(Now.ToUnixTimeMilliseconds()));
        Assert.Null(reading.L1LagSeconds);
        Assert.Contains("L1 acceptance", reading.Problem);
    }

    [Fact]
    public async Task Dydx_HeightEndpoint_HeadFromTheIndexersTime()
    {
        _server.MapJson("GET", "/dydx/v4/height", $$"""{"height":"52340123","time":"{{Now.AddSeconds(-4):yyyy-MM-ddTHH:mm:ss.fffZ}}"}""");
        var options = new ChainOptions { Name = "dYdX Chain", RpcUrl = _server.BaseUrl + "/dydx/v4", RequestsPerMinute = 6000 };
        var reading = await new DydxHeightProbe(JsonRpc.Http(_http, options, _time), options, _time).ProbeAsync(default);
        Assert.Equal(52_340_123, reading.HeadNumber);
        Assert.Equal(4, reading.HeadAgeSeconds(Now.ToUnixTimeMilliseconds()));
        Assert.Null(reading.L1LagSeconds);

        _server.MapJson("GET", "/dydx/v4/height", """{"height":"x"}""");
        Assert.Contains("without a height", (await new DydxHeightProbe(JsonRpc.Http(_http, options, _time), options, _time).ProbeAsync(default)).Problem);
    }

    [Fact]
    public void Health_InsideAPlannedWindow_MaintenanceNotStalled()
    {
        var reading = new ChainReading("Paradex Chain", 0, 1, Now.AddMinutes(-10).ToUnixTimeMilliseconds(), null, SequencerState.Unknown, null, null);
        var limits = ChainLimits.Default with { MaintenanceWindows = [new MaintenanceWindow { StartUtc = "11:55", Duration = TimeSpan.FromMinutes(15), Label = "daily release" }] };
        var health = ChainHealth.Of(reading, limits, Now.ToUnixTimeMilliseconds());
        Assert.Equal(ChainState.Maintenance, health.State);
        Assert.Contains("daily release", health.Reason);
        Assert.Equal(ChainState.Stalled, ChainHealth.Of(reading, limits, Now.AddHours(1).ToUnixTimeMilliseconds()).State);
    }
}
