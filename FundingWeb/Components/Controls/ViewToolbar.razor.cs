using System.Globalization;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

public partial class ViewToolbar
{
    private DateTime? _from;
    private DateTime? _to;

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

    private void OnAssetChanged(ChangeEventArgs e) =>
        Navigation.NavigateTo(FundingUrls.ForPath(Path, State with { Asset = Convert.ToString(e.Value, CultureInfo.InvariantCulture) }));

    private void ApplyCustom()
    {
        if (_from is not { } from || _to is not { } to || from >= to) return;
        var range = TimeRange.Custom(new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc)));
        Navigation.NavigateTo(FundingUrls.ForPath(Path, State with { Range = range }));
    }
}
