namespace FundingWeb.Core.Alerts;

/// <summary>
/// One field a kind's form asks for, with how it is judged. Numbers are typed in <see cref="Unit"/>; stored = typed ÷ <see cref="TypedPerStored"/>
/// (percent of a fraction: 100; seconds: 1).
/// </summary>
/// <param name="Label">What the field is called on the form, and how its errors begin ("Threshold: …").</param>
/// <param name="Optional">May be left empty (a venue of "any venue", an asset of "any asset").</param>
/// <param name="Min">Numbers: the least value accepted (inclusive unless <paramref name="AboveMin"/>).</param>
/// <param name="Max">Numbers: the largest value accepted.</param>
/// <param name="Missing">The error when a required field is empty; a generic one when null.</param>
/// <param name="Choices">Directions and sides: the tokens accepted, first = the default, with their labels.</param>
/// <param name="EmptyLabel">What an empty optional choice means ("any venue", "all venues (summed)").</param>
public sealed record AlertField(
    AlertFieldSlot Slot,
    string Label,
    string? Unit = null,
    double TypedPerStored = 1,
    bool Optional = false,
    double? Min = null,
    double? Max = null,
    bool AboveMin = false,
    string? Missing = null,
    IReadOnlyList<AlertChoice>? Choices = null,
    string? EmptyLabel = null);

/// <summary>One accepted value of a choice field.</summary>
public sealed record AlertChoice(string Token, string Label);
