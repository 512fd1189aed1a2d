using AngleSharp.Diffing;
using AngleSharp.Diffing.Core;
using AngleSharp.Dom;

namespace FundingWeb.Tests.Components;

/// <summary>
/// Which elements differ between two renders of a component's markup: what a tick would have sent to the browser.
/// bUnit's markup keeps Blazor's event handler ids, so a handler re-attached on every render counts as a change too.
/// </summary>
internal static class MarkupChanges
{
    /// <summary>The changed elements (a changed text counts against its parent element), from the newer markup where they exist there.</summary>
    public static IReadOnlyList<IElement> Between(string before, string after)
    {
        var diffs = DiffBuilder.Compare(before).WithTest(after).Build();
        var elements = new List<IElement>();
        foreach (var diff in diffs)
        {
            var node = diff switch
            {
                AttrDiff a => a.Test.ElementSource.Node,
                NodeDiff n => n.Test.Node,
                MissingNodeDiff m => m.Control.Node,
                UnexpectedNodeDiff u => u.Test.Node,
                MissingAttrDiff m => m.Control.ElementSource.Node,
                UnexpectedAttrDiff u => u.Test.ElementSource.Node,
                _ => throw new InvalidOperationException($"Unknown difference {diff}"),
            };
            if ((node as IElement ?? node.ParentElement) is { } element) elements.Add(element);
        }
        return elements;
    }

    /// <summary>True when <paramref name="element"/> is or sits inside an element matching <paramref name="selector"/>.</summary>
    public static bool Within(this IElement element, string selector) => element.Closest(selector) is not null;
}
