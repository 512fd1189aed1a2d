using FundingWeb.Core.Live;

namespace FundingWeb.Components;

/// <summary>
/// What a live page shows is as of: the publish time of its snapshot. A page sets it on load and on every tick; the
/// <see cref="Controls.AsOfStamp"/> that shows it re-renders alone, so a chart page's tick still renders nothing else.
/// </summary>
public sealed class LiveStamp
{
    public long PublishedAtMs { get; private set; }

    public long AsOfMs { get; private set; }

    public event Action? Changed;

    public void Set(MarketSnapshot snapshot)
    {
        if (snapshot.PublishedAtMs == PublishedAtMs && snapshot.AsOfMs == AsOfMs) return;
        (PublishedAtMs, AsOfMs) = (snapshot.PublishedAtMs, snapshot.AsOfMs);
        Changed?.Invoke();
    }
}
