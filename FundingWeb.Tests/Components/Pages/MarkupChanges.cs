using AngleSharp.Diffing.Core;
using AngleSharp.Dom;

namespace FundingWeb.Tests.Components.Pages;

/// <summary>Where a bUnit diff landed: the nearest enclosing element that names itself (a venue row or a test id).</summary>
public static class MarkupChanges
{
    public static IReadOnlyList<string> Places(IEnumerable<IDiff> diffs) => diffs.Select(Place).Distinct().Order(StringComparer.Ordinal).ToList();

    public static string Place(IDiff diff)
    {
        var node = diff switch
        {
            AttrDiff a => a.Test.ElementSource.Node,
            MissingAttrDiff m => m.Control.ElementSource.Node,
            UnexpectedAttrDiff u => u.Test.ElementSource.Node,
            NodeDiff n => n.Test.Node,
            MissingNodeDiff m => m.Control.Node,
            UnexpectedNodeDiff u => u.Test.Node,
            _ => null,
        };
        for (var e = node as IElement ?? node?.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.GetAttribute("data-venue") is { } venue) return "venue:" + venue;
            if (e.GetAttribute("data-testid") is { } id) return id;
        }
        return "(page)";
    }
}
