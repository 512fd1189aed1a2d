namespace FundingWeb.Core.Sharing;

/// <summary>Configuration section <c>Sharing</c>: how often a link, and a client, may open share links.</summary>
public sealed class ShareLinkOptions
{
    /// <summary>Opens of one token per window (a link passed around a team stays well under it).</summary>
    public int PerTokenPermits { get; set; } = 60;

    /// <summary>Share-link requests of one client address per window, any token, known or not (slows token guessing).</summary>
    public int PerClientPermits { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
