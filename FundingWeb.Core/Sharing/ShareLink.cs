namespace FundingWeb.Core.Sharing;

/// <summary>A share link as the admin page lists it (never with its token: only the creator ever sees that, once).</summary>
public sealed record ShareLink(
    long Id,
    string Label,
    string Creator,
    ShareScope Scope,
    long CreatedMs,
    long? LastOpenedMs,
    long? ExpiresMs,
    ShareLinkState State)
{
    public bool IsExpired(long nowMs) => ExpiresMs is { } expires && nowMs >= expires;
}

/// <summary>A new link and its token, returned once at creation; the token is not recoverable afterwards.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Token);
