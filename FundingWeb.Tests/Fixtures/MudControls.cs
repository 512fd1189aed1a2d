using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// MudBlazor controls as a person uses them in a real browser: a MudSelect is a popover list, not a native select, and a
/// field's error is the helper text under it (where the user reads it).
/// </summary>
public static class MudControls
{
    /// <summary>Opens the select whose input carries <paramref name="testId"/> and clicks the item reading exactly <paramref name="text"/>.</summary>
    public static async Task ChooseAsync(IPage page, string testId, string text, ILocator? within = null)
    {
        var scope = within ?? page.Locator("body");
        await scope.GetByTestId(testId).ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });
        await item.First.ClickAsync();
        await Assertions.Expect(scope.GetByTestId(testId)).ToHaveValueAsync(text);
    }

    /// <summary>The error text MudBlazor shows under the field whose input carries <paramref name="testId"/>.</summary>
    public static ILocator FieldError(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) }).Locator(".mud-input-helper-text.mud-input-error");
}
