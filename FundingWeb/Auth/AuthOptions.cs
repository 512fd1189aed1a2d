namespace FundingWeb.Auth;

/// <summary>Bound from <c>Auth</c>. Off for a local run; when on, the dashboard needs a named user (share links never do).</summary>
public sealed class AuthOptions
{
    public bool Enabled { get; set; }

    public List<TeamUser> Users { get; set; } = [];

    /// <summary>Idle lifetime of a session: each request within it moves the end on (the server's record and the cookie alike).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public SignInLockoutOptions Lockout { get; set; } = new();
}

/// <param name="PasswordHash">PBKDF2 (HMAC-SHA512, salted, ASP.NET Core Identity v3 format); make one with <c>hash-password</c>.</param>
public sealed class TeamUser
{
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
}
