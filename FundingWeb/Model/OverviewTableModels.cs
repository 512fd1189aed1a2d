using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// One <see cref="OverviewTables"/> per snapshot and venue filter, shared by every Overview circuit: building them is
/// most of a tick's server work (every asset against every venue), and fifty tabs on one snapshot need it once.
/// </summary>
public sealed class OverviewTableModels
{
    private readonly SnapshotShared<string, OverviewTables> _shared = new(maxPerSnapshot: 16);

    public OverviewTables For(MarketSnapshot snapshot, ViewState state) =>
        _shared.GetOrAdd(snapshot, ViewState.VenuesKey(state.Venues), _ => OverviewTables.Build(snapshot, state));
}
