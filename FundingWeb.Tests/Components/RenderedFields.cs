using AngleSharp.Dom;
using Bunit;

namespace FundingWeb.Tests.Components;

/// <summary>What a MudBlazor form shows a person, read from rendered markup: a field's error is the helper text under it.</summary>
public static class RenderedFields
{
    /// <summary>The error text under the field whose input (or group) carries <paramref name="testId"/>; null when it shows none.</summary>
    public static string? ErrorAt<T>(this IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        ErrorAt(cut.Find($"[data-testid={testId}]"));

    public static string? ErrorAt(IElement field)
    {
        var control = field.Closest(".mud-input-control");
        if (control is null)
        {
            // A group that is not one input (the two-of-N members): its errors are listed inside it.
            var texts = field.QuerySelectorAll(".fw-field-error").Select(e => e.TextContent.Trim()).ToList();
            return texts.Count == 0 ? null : string.Join(" ", texts);
        }
        return control.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
    }

    public static bool Has<T>(this IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll($"[data-testid={testId}]").Count > 0;
}
