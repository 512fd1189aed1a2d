using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

public partial class ViewToolbar
{
    private DateTime? _from;
    private DateTime? _to;
    private bool _customOpen;
    private string? _customError;

    [Inject] public required NavigationManager Navigation { get; init; }

    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter, EditorRequired] public string Path { get; set; } = "/";
    [Parameter, EditorRequired] public ViewState State { get; set; } = ViewState.Default;
    [Parameter] public IReadOnlyList<string>? AssetOptions { get; set; }
    [Parameter] public IReadOnlyList<(string Id, string Name)>? VenueOptions { get; set; }
    [Parameter] public bool ShowRange { get; set; } = true;
    [Parameter] public bool ShowBasis { get; set; } = true;
    [Parameter] public bool Paused { get; set; }
    [Parameter] public EventCallback OnTogglePause { get; set; }
    [Parameter] public RenderFragment? ChildContent { get; set; }
    /// <summary>The page's as-of stamp, shown at the toolbar's end.</summary>
    [Parameter] public LiveStamp? Stamp { get; set; }
    /// <summary>The page's own settings a share link keeps (its URL's parameters beyond the common view state).</summary>
    [Parameter] public IReadOnlyList<KeyValuePair<string, string?>>? Extras { get; set; }
    [CascadingParameter] public ShareContext? Shared { get; set; }

    protected override void OnParametersSet()
    {
        if (State.Range.IsCustom)
        {
            _from = State.Range.From!.Value.UtcDateTime;
            _to = State.Range.To!.Value.UtcDateTime;
        }
        else
        {
            var now = DateTime.UtcNow;
            _to ??= new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
            _from ??= _to.Value.AddDays(-3);
        }
    }

    /// <summary>Search as you type: a prefix match first, then any asset containing the text, each group in the list's order (by OI).</summary>
    private Task<IEnumerable<string>> SearchAssets(string? text, CancellationToken cancellationToken)
    {
        var all = AssetOptions ?? [];
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text, State.Asset, StringComparison.OrdinalIgnoreCase)) return Task.FromResult<IEnumerable<string>>(all);
        var t = text.Trim();
        var matches = all.Where(a => a.StartsWith(t, StringComparison.OrdinalIgnoreCase))
            .Concat(all.Where(a => !a.StartsWith(t, StringComparison.OrdinalIgnoreCase) && a.Contains(t, StringComparison.OrdinalIgnoreCase)));
        return Task.FromResult(matches);
    }

    private void OnAssetChanged(string? asset)
    {
        if (string.IsNullOrWhiteSpace(asset) || asset == State.Asset || AssetOptions?.Contains(asset) != true) return;
        Navigation.NavigateTo(FundingUrls.ForPath(Path, State with { Asset = asset }));
    }

    private static string BasisHelp(Core.Funding.RateBasis basis) => basis switch
    {
        Core.Funding.RateBasis.Hourly => "Per hour: the fraction paid per hour (every venue normalised to it)",
        Core.Funding.RateBasis.EightHour => "Per 8 hours: the hourly rate × 8",
        Core.Funding.RateBasis.Apr => "APR, simple: the hourly rate × 8,760",
        _ => "APY, compounded hourly: (1 + hourly rate)^8,760 − 1",
    };

    private void ToggleCustom()
    {
        _customOpen = !_customOpen;
        _customError = null;
    }

    private void CloseCustom()
    {
        _customOpen = false;
        _customError = null;
    }

    private void CustomKeyDown(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e)
    {
        if (e.Key == "Escape") CloseCustom();
    }

    /// <summary>A range the form cannot show stays open with the reason; a good one navigates (the URL is the view).</summary>
    private void ApplyCustom()
    {
        _customError = (_from, _to) switch
        {
            (null, _) or (_, null) => "Give both a start and an end.",
            ({ } from, { } to) when from >= to => "The start must be before the end.",
            _ => null,
        };
        if (_customError is not null) return;
        _customOpen = false;
        var range = TimeRange.Custom(new DateTimeOffset(DateTime.SpecifyKind(_from!.Value, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(_to!.Value, DateTimeKind.Utc)));
        Navigation.NavigateTo(FundingUrls.ForPath(Path, State with { Range = range }));
    }
}
