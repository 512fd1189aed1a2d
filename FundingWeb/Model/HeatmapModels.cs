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
    private readonly SnapshotShared<Key, HeatmapViewModel> _shared = new(maxPerSnapshot: 16);

    public HeatmapViewModel For(MarketSnapshot snapshot, RateBasis basis, IReadOnlySet<string> venueFilter,
        IReadOnlyDictionary<string, string> unverifiedNotes, HeatmapMode mode, Core.Alerts.IFundingRegimes regimes)
    {
        if (mode == HeatmapMode.Regime) return HeatmapViewModel.Build(snapshot, basis, venueFilter, unverifiedNotes, mode, regimes);
        var key = new Key(basis, ViewState.VenuesKey(venueFilter), unverifiedNotes, mode);
        return _shared.GetOrAdd(snapshot, key,
            previous => HeatmapViewModel.Build(snapshot, basis, venueFilter, unverifiedNotes, mode, regimes).Reusing(previous));
    }

    private sealed record Key(RateBasis Basis, string Venues, IReadOnlyDictionary<string, string> Notes, HeatmapMode Mode);
}
