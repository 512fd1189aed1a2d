using FundingWeb.Core.Live;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FundingWeb.Components.Controls;

/// <summary>
/// The carry position form. Calculate never prices anything itself: a valid form navigates to the position's URL
/// (<see cref="OnCalculate"/>), so what is computed is always what the address says and can be pasted to a colleague.
/// </summary>
public sealed partial class CarryForm
{
    private readonly Func<object, string, IEnumerable<string>> _validation;
    private MudForm? _form;
    private IReadOnlyList<FieldError> _errors = [];
    private CarryInput? _shownFor;
    private bool _validateAfterRender;

    public CarryForm() =>
        _validation = (model, field) => FieldErrors.Of(((CarryInput)model).Validate(Cap), field).ToList();

    [Inject] public required MarketHub Hub { get; init; }

    /// <summary>The fields as the URL gave them; a new instance is a new position (its errors are shown at once).</summary>
    [Parameter, EditorRequired] public CarryInput Input { get; set; } = new();

    /// <summary>What was wrong with the URL (the same judgement the fields make).</summary>
    [Parameter] public IReadOnlyList<FieldError> Errors { get; set; } = [];

    [Parameter] public EventCallback<CarryQuery> OnCalculate { get; set; }

    private const InputMode DecimalMode = InputMode.@decimal;

    private CarryLeverageCap? Cap => CarryLeverageCap.Of(Hub.Current, Input.Venue, Input.Asset);

    private IEnumerable<(string Id, string Name)> Venues =>
        Hub.Current.Venues.Values.OrderBy(v => v.Venue.Name, StringComparer.Ordinal).Select(v => (v.Venue.Id, v.Venue.Name));

    private IEnumerable<string> AssetChoices => AssetsOf(Input.Venue);

    private string DelayPlaceholder => Hub.Current.Venues.TryGetValue(Input.Venue, out var v)
        ? $"venue: {v.Venue.WithdrawalDelay.TotalHours:0.##}"
        : "venue's";

    private string VenueName(string? id) => id is not null && Hub.Current.Venues.TryGetValue(id, out var v) ? v.Venue.Name : id ?? "";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shownFor, Input)) return;
        _shownFor = Input;
        _errors = Errors;
        _validateAfterRender = Errors.Count > 0;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The fields exist only once rendered: the URL's errors are put at them then.
        if (!_validateAfterRender || _form is null) return;
        _validateAfterRender = false;
        await _form.ValidateAsync();
    }

    private IEnumerable<string> AssetsOf(string? venueId) =>
        (venueId is not null && Hub.Current.Venues.TryGetValue(venueId, out var v)
            ? v.Markets.Values.Where(m => m.Market.Status == Core.Venues.MarketStatus.Active).Select(m => m.Market.BaseAsset)
            : Hub.Current.Assets).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    /// <summary>Another venue may not list the asset: keep it where it does, else take the venue's first.</summary>
    private void OnVenueChanged(string? venueId)
    {
        Input.Venue = venueId ?? "";
        var assets = AssetsOf(Input.Venue).ToList();
        if (assets.Count > 0 && !assets.Contains(Input.Asset, StringComparer.OrdinalIgnoreCase)) Input.Asset = assets[0];
    }

    private async Task CalculateAsync()
    {
        if (_form is not null) await _form.ValidateAsync();
        var (query, errors) = Input.ToQuery(Cap);
        _errors = errors;
        if (errors.Count > 0) return;
        await OnCalculate.InvokeAsync(query);
    }
}
