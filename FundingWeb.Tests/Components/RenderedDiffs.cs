using AngleSharp.Diffing.Core;
using AngleSharp.Dom;

namespace FundingWeb.Tests.Components;

/// <summary>Where a markup change since a snapshot landed: the element it touched (for "only this row changed").</summary>
public static class RenderedDiffs
{
    public static IElement ElementOf(IDiff diff)
    {
        var node = diff switch
        {
            DiffBase<ComparisonSource> d => d.Test.Node,
            DiffBase<AttributeComparisonSource> d => d.Test.ElementSource.Node,
            MissingNodeDiff d => d.Control.Node,
            UnexpectedNodeDiff d => d.Test.Node,
            MissingAttrDiff d => d.Control.ElementSource.Node,
            UnexpectedAttrDiff d => d.Test.ElementSource.Node,
            _ => throw new InvalidOperationException($"Unknown diff {diff.GetType().Name}"),
        };
        return node as IElement ?? node.ParentElement ?? throw new InvalidOperationException("A change outside any element.");
    }
}
