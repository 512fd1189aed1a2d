namespace FundingWeb.Model;

/// <summary>
/// One reason a form cannot be used, tied to the field it is about. <see cref="Field"/> is the form model's property
/// name (what a MudBlazor field's <c>For</c> resolves to), so the model's own validation is what every field shows;
/// <see cref="Message"/> names the field in words ("Name: give the rule a name.") for a summary or a screen reader.
/// </summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => Message;
}
