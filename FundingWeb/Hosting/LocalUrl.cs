namespace FundingWeb.Hosting;

/// <summary>
/// The one check for "go back to" values taken from a request (theme switch, sign-in). Only a plain local path on this
/// site passes; anything else becomes "/". Stricter than the framework's own check on purpose: browsers drop tab, CR and
/// LF from a URL, so <c>/\t/example.com</c> arrives as <c>//example.com</c>, another site; and the response header that
/// carries the target refuses non-ASCII and control characters, which would turn a bad value into a 500.
/// </summary>
public static class LocalUrl
{
    /// <summary>Longer than any link the app builds; a longer value is someone else's.</summary>
    public const int MaxLength = 2048;

    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/') return false;
        // "//host" and "/\host" are protocol-relative to browsers; a backslash anywhere is read as a slash.
        if (url.Length > 1 && url[1] is '/' or '\\') return false;
        foreach (var c in url)
        {
            // Printable ASCII only: no controls (tab, CR, LF, NUL, DEL), no spaces, no non-ASCII, no backslash.
            if (c <= ' ' || c >= '\x7f' || c == '\\') return false;
        }
        return true;
    }
}
