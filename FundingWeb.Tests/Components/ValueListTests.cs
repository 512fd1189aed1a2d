using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public sealed class ValueListTests
{
    private sealed record Item(string Name, double Value);

    [Fact]
    public void Equals_SameItemsInNewInstances_EqualWithTheSameHash()
    {
        ValueList<Item> a = [new("BTC", 1), new("ETH", 2)];
        var b = new[] { new Item("BTC", 1), new Item("ETH", 2) }.ToValueList();

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        // The reason it exists: a record holding one compares by value, where a List would compare by reference.
        Assert.Equal(new { List = a }, new { List = b });
    }

    [Theory]
    [InlineData("BTC,ETH", "BTC", false)]
    [InlineData("BTC,ETH", "ETH,BTC", false)]
    [InlineData("BTC", "BTC,BTC", false)]
    [InlineData("", "", true)]
    [InlineData("BTC,ETH", "BTC,ETH", true)]
    public void Equals_ByCountOrderAndItems(string left, string right, bool equal)
    {
        static ValueList<string> List(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries).ToValueList();
        Assert.Equal(equal, List(left).Equals(List(right)));
    }

    [Fact]
    public void Default_IsTheEmptyListAndNullItemsCompare()
    {
        ValueList<Item?> none = default;
        ValueList<Item?> withNull = [null, new("BTC", 1)];

        Assert.Empty(none);
        Assert.Equal(none, new ValueList<Item?>([]));
        Assert.Equal(withNull, new ValueList<Item?>([null, new Item("BTC", 1)]));
        Assert.NotEqual(withNull, new ValueList<Item?>([new Item("BTC", 1), null]));
        Assert.Null(withNull[0]);
    }
}
