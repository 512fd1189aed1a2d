using FundingWeb.Core.Live;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FundingWeb.Components.Controls;

/// <summary>
/// The book form. Calculate never stresses anything itself: a valid form navigates to the book's URL
/// (<see cref="OnCalculate"/>), so what is computed is always what the address says.
/// </summary>
public sealed partial class PortfolioForm
{
    private MudForm? _form;
    private IReadOnlyList<FieldError> _errors = [];
    private PortfolioInput? _shownFor;

    [Inject] public required MarketHub Hub { get; init; }

    /// <summary>The rows as the URL gave them; a new instance is a new book (its errors are shown at once).</summary>
    [Parameter, EditorRequired] public PortfolioInput Input { get; set; } = new();

    [Parameter] public IReadOnlyList<FieldError> Errors { get; set; } = [];

    [Parameter] public EventCallback<PortfolioQuery> OnCalculate { get; set; }

    private const InputMode DecimalMode = InputMode.@decimal;

    private IEnumerable<(string Id, string Name)> Venues =>
        Hub.Current.Venues.Values.OrderBy(v => v.Venue.Name, StringComparer.Ordinal).Select(v => (v.Venue.Id, v.Venue.Name));

    private string VenueName(string? id) => id is not null && Hub.Current.Venues.TryGetValue(id, out var v) ? v.Venue.Name : id ?? "";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shownFor, Input)) return;
        _shownFor = Input;
        _errors = Errors;
    }

    private bool Has(string group, int index, string field) => _errors.Any(e => e.Field == PortfolioInput.Field(group, index, field));

    private string? Text(string group, int index, string field) =>
        _errors.FirstOrDefault(e => e.Field == PortfolioInput.Field(group, index, field))?.Message;

    /// <summary>Errors are tied to row numbers, which a removal shifts: they are cleared and judged again on Calculate.</summary>
    private void Remove<T>(List<T> rows, int index)
    {
        rows.RemoveAt(index);
        _errors = [];
    }

    private void AddPosition()
    {
        var last = Input.Positions.LastOrDefault();
        Input.Positions.Add(new PortfolioPositionRow { Venue = last?.Venue ?? Venues.Select(v => v.Id).FirstOrDefault() ?? "" });
    }

    private void AddCollateral() =>
        Input.Collateral.Add(new PortfolioCollateralRow { Venue = Input.Positions.Select(p => p.Venue).FirstOrDefault(v => Input.Collateral.All(c => c.Venue != v)) ?? "" });

    private async Task CalculateAsync()
    {
        var (query, errors) = Input.ToQuery(Caps.Of(Hub.Current));
        _errors = errors;
        if (errors.Count > 0) return;
        await OnCalculate.InvokeAsync(query);
    }
}
