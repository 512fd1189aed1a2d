namespace FundingWeb.Core.Sharing;

public enum ShareLinkState
{
    Active = 0,
    /// <summary>Temporarily closed; the link page says so and resume reopens it.</summary>
    Paused = 1,
    /// <summary>Closed for good: the token answers 404 like one that never existed.</summary>
    Revoked = 2,
}
