using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// The Overview's two tables: the widest tradable spreads and the assets with most open interest, at most
/// <see cref="OverviewView.TableRows"/> each. They depend on the snapshot and the venues shown, nothing else, so one
/// build serves every circuit on that snapshot (<see cref="OverviewTableModels"/>).
/// </summary>
public sealed record OverviewTables(ValueList<SpreadRow> Spreads, ValueList<AssetConcentration> Concentration)
{
    public static OverviewTables Build(MarketSnapshot snapshot, ViewState state) => new(
        // Tradable pairs only: a pair against a CEX reference lives on the Spreads page, where its leg is marked not traded here.
        SpreadsPageModel.Build(snapshot, state, OverviewView.HoldingHours, new Dictionary<string, IReadOnlyList<Core.Storage.FundingPoint>>(), 0,
            includeReferences: false).Take(OverviewView.TableRows).ToValueList(),
        AssetConcentration.Top(snapshot, state).Take(OverviewView.TableRows).ToValueList());
}
