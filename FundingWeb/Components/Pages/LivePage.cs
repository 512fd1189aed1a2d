using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace FundingWeb.Components.Pages;

/// <summary>
/// What every live page shares: its state from the URL, the current snapshot, a throttled subscription to the hub,
/// and a per-browser pause that freezes the view (the feed keeps running). History is loaded on navigation only.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private string? _loadedFor;

    [Inject] public required MarketHub Hub { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IOptions<StorageOptions> Storage { get; init; }
    [Inject] public required Hosting.HistoryLoadLimiter Loads { get; init; }
    [Inject] public required IOptions<LiveOptions> LiveSettings { get; init; }

    /// <summary>Who this circuit belongs to (a user or an address), handed from the first request: per-client limits key on it.</summary>
    [CascadingParameter(Name = "Client")] public string? Client { get; set; }

    /// <summary>The as-of stamp of what the page shows: the publish time of its snapshot (and the newest chart point).</summary>
    protected LiveStamp Stamp { get; } = new();

    [SupplyParameterFromQuery(Name = FundingUrls.AssetParameter)] public string? AssetQuery { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.VenuesParameter)] public string? VenuesQuery { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.RangeParameter)] public string? RangeQuery { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.FromParameter)] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.ToParameter)] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.BasisParameter)] public string? BasisQuery { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.WindowParameter)] public string? WindowQuery { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.VenueParameter)] public string? VenueQuery { get; set; }

    /// <summary>Present on a shared link: its saved state wins over anything in the URL.</summary>
    [CascadingParameter] public ShareContext? Shared { get; set; }

    protected ViewState State { get; private set; } = ViewState.Default;
    protected MarketSnapshot Snapshot { get; private set; } = MarketSnapshot.Empty;
    protected bool Paused { get; private set; }
    protected DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>At most one live update per this interval per page: <see cref="LiveOptions.PageTickInterval"/> (Live:PageTickInterval).</summary>
    protected virtual TimeSpan TickInterval => LiveSettings.Value.PageTickInterval;

    /// <summary>The asset shown when the URL names none: the one with the most open interest.</summary>
    protected string CurrentAsset => State.Asset ?? Snapshot.Assets.FirstOrDefault() ?? "BTC";

    protected override void OnInitialized()
    {
        Snapshot = Hub.Current;
        _subscription = Hub.Subscribe(OnHubChangedAsync, TickInterval);
    }

    protected override async Task OnParametersSetAsync()
    {
        // Bounded whatever its source: a shared link's saved range ages past the kept history like a typed one.
        State = (Shared?.State ?? FundingUrls.Parse(AssetQuery, VenuesQuery, RangeQuery, FromQuery, ToQuery, BasisQuery, WindowQuery, VenueQuery))
            .Bounded(Now, Storage.Value.HistoryRetention);
        Snapshot = Hub.Current;
        _shownSequence = Snapshot.Sequence;
        var key = Shared is null ? Navigation.Uri : "shared:" + Shared.State + "|" + Shared.PageExtras;
        Stamp.Set(Snapshot);
        if (key != _loadedFor)
        {
            _loadedFor = key;
            // Bounded per client and in all: one desk's fifty tabs queue behind each other, not in front of the team.
            using var lease = await Loads.EnterAsync(Client, _loads.Token);
            await LoadAsync();
        }
    }

    private readonly CancellationTokenSource _loads = new();

    /// <summary>Reads history for the current state (SQLite). Runs on navigation, never on a tick.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>A live tick. Default: re-render the page; chart pages override to send data only.</summary>
    protected virtual Task OnTickAsync()
    {
        StateHasChanged();
        return Task.CompletedTask;
    }

    protected void TogglePause()
    {
        Paused = !Paused;
        if (!Paused)
        {
            Snapshot = Hub.Current;
            _shownSequence = Snapshot.Sequence; // a pause is the user's choice, not latency
        }
    }

    protected void Go(string url) => Navigation.NavigateTo(url);

    private Task OnHubChangedAsync() => InvokeAsync(async () =>
    {
        // A tick queued just before the page went away finds it disposed: there is nothing left to update or to fail.
        if (Paused || _disposed) return;
        try
        {
            Snapshot = Hub.Current;
            // What a tick sends is queued by the time it first waits (a render) or returns (charts hand their updates to
            // their lane and never wait for the browser: see ChartLane): the latency is taken there, so a slow browser's
            // reply is not counted as the server's (what it holds back is counted in fundingweb.chart.updates.held).
            var tick = OnTickAsync();
            Stamp.Set(Snapshot);
            // Publish → this circuit's render batch queued: what the freshness budget is about, measured per circuit and
            // per publish. A tick that shows several publishes at once (updates are spaced, at most one per TickInterval)
            // records each from its own publish: the oldest waited longest, and timing only the newest would hide it.
            var page = new KeyValuePair<string, object?>("page", GetType().Name);
            foreach (var published in Hub.PublishedBetween(_shownSequence, Snapshot.Sequence))
            {
                if (published != 0) Core.Telemetry.FundingMetrics.PushLatency.Record(Time.GetElapsedTime(published).TotalMilliseconds, page);
            }
            _shownSequence = Snapshot.Sequence;
            await tick;
        }
        catch (Exception ex)
        {
            if (!_disposed) await DispatchExceptionAsync(ex);
        }
    });

    private volatile bool _disposed;
    private long _shownSequence;

    public virtual void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _loads.Cancel();
        _loads.Dispose();
    }
}
