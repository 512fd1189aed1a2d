using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using MudBlazor;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// Every share link with its state. The service tells every subscriber when a link changes state, so this list (and every
/// open shared view) follows a pause, resume or revoke made here or in another browser at once.
/// </summary>
public sealed partial class SharedLinks : ComponentBase, IDisposable
{
    private IReadOnlyList<ShareLinkRow> _links = [];
    private IDisposable? _subscription;
    private string? _search;

    [Inject] public required ShareLinkService Links { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _subscription = Links.Subscribe(() => _ = InvokeAsync(ReloadAsync));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        _links = (await Links.GetAllAsync(default)).Select(l => ShareLinkRow.From(l, now)).ToList();
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private bool Matches(ShareLinkRow row) =>
        string.IsNullOrWhiteSpace(_search)
        || new[] { row.Label, row.View, row.Creator, row.StateLabel }.Any(t => t.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Color StateColor(ShareLinkRow row) => row.StateLabel switch
    {
        "Active" => Color.Success,
        "Paused" => Color.Warning,
        _ => Color.Default,
    };

    public void Dispose() => _subscription?.Dispose();
}
