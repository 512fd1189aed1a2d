using System.Globalization;

namespace FundingWeb.Core.Exports;

/// <summary>
/// How one CSV cell is spelled: RFC 4180 quoting, invariant-culture numbers without exponents, UTC ISO-8601 times,
/// and text that a spreadsheet would run as a formula defused with a leading quote.
/// </summary>
public static class CsvFormat
{
    private static readonly char[] NeedsQuoting = [',', '"', '\r', '\n'];

    /// <summary>A text cell. Never use it for numbers: "-0.0000125" as text would be escaped as a formula.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (IsFormulaLike(value)) return Quote("'" + value);
        return value.IndexOfAny(NeedsQuoting) >= 0 ? Quote(value) : value;
    }

    /// <summary>A number cell: shortest round-trip digits, '.' decimal point, '-' sign, no exponent; NaN and ±∞ are empty.</summary>
    public static string Number(double? value)
    {
        if (value is not { } v || double.IsNaN(v) || double.IsInfinity(v)) return "";
        var text = v.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E') ? ExpandExponent(text) : text;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>UTC ISO-8601 with milliseconds, e.g. 2025-01-02T03:04:05.000Z.</summary>
    public static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A header line's value. Header lines stay raw (a quote would hide the '#' from comment skipping), but a spreadsheet
    /// still splits them into cells at every ',' (or ';' in locales that list with it): each such cell that would start,
    /// after spaces, with a formula character or an opening quote gets the same leading quote a text cell gets. Control
    /// characters become spaces, so a value can neither start a data row nor hide a tab-separated cell.
    /// </summary>
    public static string HeaderValue(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var flat = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        var output = new System.Text.StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            output.Append(flat[i]);
            if (flat[i] is not (',' or ';')) continue;
            var next = i + 1;
            while (next < flat.Length && flat[next] == ' ') next++;
            if (next < flat.Length && flat[next] is '=' or '+' or '-' or '@' or '"')
            {
                output.Append(flat, i + 1, next - i - 1).Append('\'');
                i = next - 1;
            }
        }
        return output.ToString();
    }

    // Spreadsheets evaluate a cell that starts with these (OWASP "CSV injection"); tab and CR hide the same trick.
    public static bool IsFormulaLike(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    // "R" switches to exponent form below 1e-5 and above 1e15; spreadsheets and scripts read plain decimals best.
    private static string ExpandExponent(string text)
    {
        var negative = text[0] == '-';
        var body = negative ? text[1..] : text;
        var e = body.IndexOf('E');
        var exponent = int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = body[..e];
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var pointAt = (point < 0 ? mantissa.Length : point) + exponent;
        string result;
        if (pointAt <= 0) result = "0." + new string('0', -pointAt) + digits;
        else if (pointAt >= digits.Length) result = digits + new string('0', pointAt - digits.Length);
        else result = digits[..pointAt] + "." + digits[pointAt..];
        return negative ? "-" + result : result;
    }
}
