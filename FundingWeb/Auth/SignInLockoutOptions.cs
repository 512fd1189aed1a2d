namespace FundingWeb.Auth;

/// <summary>
/// Bound from <c>Auth:Lockout</c>. A user name and a client address each get a few free wrong passwords; past them,
/// every further failure locks that key for <see cref="BaseLockout"/> × 2^(n−1) (n = failures past the free ones),
/// at most <see cref="MaxLockout"/>. A key with no failure for <see cref="ForgetAfter"/> starts afresh; a right
/// password clears the user's count (never the client's: one valid account must not reset a guesser's address).
/// </summary>
public sealed class SignInLockoutOptions
{
    public int FreeFailuresPerUser { get; set; } = 5;

    /// <summary>Higher than per user: a desk behind one office address shares it.</summary>
    public int FreeFailuresPerClient { get; set; } = 20;

    public TimeSpan BaseLockout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}
