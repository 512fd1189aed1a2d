namespace FundingWeb.Model;

/// <summary>The errors of one field, as a MudForm's model-level validation function asks for them.</summary>
public static class FieldErrors
{
    public static IEnumerable<string> Of(IEnumerable<FieldError> errors, string field) =>
        errors.Where(e => string.Equals(e.Field, field, StringComparison.Ordinal)).Select(e => e.Message);
}
