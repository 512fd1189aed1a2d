using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// Everything the Overview shows below its toolbar, built from a snapshot without rendering. Compared by value, part by
/// part: each part's component renders only when its part changed.
/// </summary>
/// <param name="AsOf">When the snapshot was taken, as printed.</param>
/// <param name="Spreads">The widest spreads now, at most <see cref="TableRows"/>.</param>
/// <param name="Concentration">The assets with most open interest, at most <see cref="TableRows"/>.</param>
/// <param name="Source">The selected cell's market; null when none is selected (or it is gone).</param>
public sealed record OverviewView(
    string AsOf,
    ValueList<VenueHealthView> Health,
    ValueList<SpreadRow> Spreads,
    ValueList<AssetConcentration> Concentration,
    HeatmapViewModel Heatmap,
    SourceView? Source)
{
    public const int TableRows = 6;

    /// <summary>The Overview's default net-of-fees holding period (7 days), as the spreads table's header says.</summary>
    public const double HoldingHours = 168;

    public static OverviewView Empty { get; } = Build(MarketSnapshot.Empty, ViewState.Default, 0, new Dictionary<string, string>(), null);

    public static OverviewView Build(MarketSnapshot snapshot, ViewState state, long nowMs, IReadOnlyDictionary<string, string> unverifiedNotes,
        (string Venue, string Asset)? selected, HeatmapMode mode = HeatmapMode.Funding, Core.Alerts.IFundingRegimes? regimes = null,
        HeatmapViewModel? heatmap = null, OverviewTables? tables = null)
    {
        tables ??= OverviewTables.Build(snapshot, state);
        return new(
            AsOfText(snapshot.AsOfMs),
            VenueHealthView.All(snapshot, nowMs),
            tables.Spreads,
            tables.Concentration,
            heatmap ?? HeatmapViewModel.Build(snapshot, state.Basis, state.Venues, unverifiedNotes, mode, regimes),
            selected is { } s ? SourceView.Find(snapshot, s.Venue, s.Asset, state.Basis, unverifiedNotes) : null);
    }

    private static string AsOfText(long asOfMs) => asOfMs == 0 ? "waiting for the first poll"
        : Display.Utc(asOfMs) is var utc && utc != Display.None ? utc + " UTC" : Display.None;
}
