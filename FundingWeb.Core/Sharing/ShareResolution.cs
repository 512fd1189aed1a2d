namespace FundingWeb.Core.Sharing;

public enum ShareResolutionStatus
{
    /// <summary>Unknown, malformed, expired or revoked: the caller answers 404 and says nothing more.</summary>
    NotFound,
    Paused,
    Active,
}

/// <summary>What a token opens. <see cref="Link"/> is set for Active and Paused.</summary>
public sealed record ShareResolution(ShareResolutionStatus Status, ShareLink? Link)
{
    public static ShareResolution NotFound { get; } = new(ShareResolutionStatus.NotFound, null);
}
