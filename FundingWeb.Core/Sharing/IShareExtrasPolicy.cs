namespace FundingWeb.Core.Sharing;

/// <summary>
/// Which page keeps which of its own state in a share link (a whitelist per page path). The web layer knows the pages and
/// their URL formats; the service asks it before storing a link.
/// </summary>
public interface IShareExtrasPolicy
{
    /// <summary>Why <paramref name="extras"/> cannot be shared for the page at <paramref name="path"/>, in words; null when they can.</summary>
    string? Refusal(string path, ShareExtras extras);
}
