using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FundingWeb.Auth;

/// <summary>The configured users and their salted password hashes. Plain passwords are never stored or logged.</summary>
public sealed class TeamUsers(IOptionsMonitor<AuthOptions> options)
{
    public const int MaxLength = 1024;

    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword("", password);

    /// <summary>The user's name when the password matches; null otherwise (same answer for unknown users and wrong passwords).</summary>
    public string? Verify(string? name, string? password)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password)) return null;
        // No real name or password is this long; hashing a megabyte someone posted would only cost us CPU.
        if (name.Length > MaxLength || password.Length > MaxLength) return null;
        var user = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        // Hash against a dummy when the user is unknown, so timing does not tell which names exist.
        var hash = user?.PasswordHash ?? DummyHash;
        var result = Hasher.VerifyHashedPassword("", hash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user.Name : null;
    }

    private static readonly string DummyHash = Hash(Guid.NewGuid().ToString("N"));
}
