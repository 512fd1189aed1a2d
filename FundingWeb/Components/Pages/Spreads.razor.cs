using FundingWeb.Core.Funding;
using FundingWeb.Core.Spreads;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class Spreads
{
    private IReadOnlyList<SpreadRow> _rows = [];
    private (string Label, double Hours) _holding = SpreadsPageModel.HoldingPeriods[1];
    private Dictionary<string, IReadOnlyList<FundingPoint>> _history = [];

    [Inject] public required HistoryQueries Queries { get; init; }

    private IReadOnlyList<(string Id, string Name)> VenueOptions => Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();

    /// <summary>The live table paints at once from the snapshot; "held for" fills in when the week of quotes is read.</summary>
    protected override Task LoadAsync()
    {
        _holding = SpreadsPageModel.HoldingPeriod(State.Window);
        _history = [];
        Refresh();
        _ = LoadHeldAsync();
        return Task.CompletedTask;
    }

    private async Task LoadHeldAsync()
    {
        try
        {
            var to = Now.ToUnixTimeMilliseconds();
            var from = Now.AddDays(-7).ToUnixTimeMilliseconds();
            var history = new Dictionary<string, IReadOnlyList<FundingPoint>>();
            foreach (var asset in Snapshot.Assets)
            {
                history[asset] = await Queries.GetFundingAsync(asset, FundingKind.Quoted, from, to, default);
            }
            await InvokeAsync(() =>
            {
                _history = history;
                Refresh();
                StateHasChanged();
            });
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    protected override Task OnTickAsync()
    {
        Refresh();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Refresh() => _rows = SpreadsPageModel.Build(Snapshot, State, _holding.Hours, _history, Now.ToUnixTimeMilliseconds());

    /// <summary>Hours of carry that pay back both legs' fees; past a year it never really pays.</summary>
    private static string BreakEven(double? hours) => hours switch
    {
        null or double.NaN => Display.None,
        > 8760 => "> 1 y",
        < 48 => $"{hours:0.#} h",
        _ => $"{hours / 24:0.#} d",
    };

    private string Held(SpreadHeld? held)
    {
        // Since when comes from stored quote times; one off the calendar says nothing rather than failing the page.
        if (held is null || Display.Utc(held.SinceMs) == Display.None) return Display.None;
        var d = Now - DateTimeOffset.FromUnixTimeMilliseconds(held.SinceMs);
        return d.TotalHours >= 48 ? $"{d.TotalDays:0.#} d" : d.TotalMinutes >= 90 ? $"{d.TotalHours:0.#} h" : $"{d.TotalMinutes:0} min";
    }
}
