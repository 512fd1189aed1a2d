using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// One heatmap model per snapshot and view, shared by every circuit that shows it: fifty Overview tabs on the same
/// snapshot hold one set of cells (and, through <see cref="HeatmapCellMarkup"/>, one set of cell markup) instead of fifty.
/// Only the two newest snapshots are kept, so a circuit a tick behind still shares and nothing older is pinned; a new
/// snapshot's model takes over the previous model's rows and cells wherever they are equal, so circuits a few snapshots
/// apart still share every cell that did not move (venues poll at their own times: most snapshots move one column). The
/// regime mode is built per call: regimes change on their own clock, not with the snapshot, so the snapshot cannot key it.
/// </summary>
public sealed class HeatmapModels
{
    private const int MaxViewsPerSnapshot = 16;

    private readonly Lock _gate = new();
    private readonly List<(MarketSnapshot Snapshot, Dictionary<Key, HeatmapViewModel> Views)> _recent = [];

    public HeatmapViewModel For(MarketSnapshot snapshot, RateBasis basis, IReadOnlySet<string> venueFilter,
        IReadOnlyDictionary<string, string> unverifiedNotes, HeatmapMode mode, Core.Alerts.IFundingRegimes regimes)
    {
        if (mode == HeatmapMode.Regime) return HeatmapViewModel.Build(snapshot, basis, venueFilter, unverifiedNotes, mode, regimes);
        var key = new Key(basis, string.Join(',', venueFilter.Order(StringComparer.Ordinal)), unverifiedNotes, mode);
        lock (_gate)
        {
            var views = ViewsOf(snapshot);
            if (views.TryGetValue(key, out var shared)) return shared;
            var built = HeatmapViewModel.Build(snapshot, basis, venueFilter, unverifiedNotes, mode, regimes).Reusing(Previous(snapshot, key));
            // A flood of distinct venue filters cannot grow the cache: past the cap a view is built and not kept.
            if (views.Count < MaxViewsPerSnapshot) views[key] = built;
            return built;
        }
    }

    private HeatmapViewModel? Previous(MarketSnapshot snapshot, Key key)
    {
        foreach (var (s, views) in _recent)
        {
            if (!ReferenceEquals(s, snapshot) && views.TryGetValue(key, out var previous)) return previous;
        }
        return null;
    }

    private Dictionary<Key, HeatmapViewModel> ViewsOf(MarketSnapshot snapshot)
    {
        foreach (var (s, views) in _recent)
        {
            if (ReferenceEquals(s, snapshot)) return views;
        }
        var added = new Dictionary<Key, HeatmapViewModel>();
        _recent.Insert(0, (snapshot, added));
        if (_recent.Count > 2) _recent.RemoveAt(_recent.Count - 1);
        return added;
    }

    private sealed record Key(RateBasis Basis, string Venues, IReadOnlyDictionary<string, string> Notes, HeatmapMode Mode);
}
