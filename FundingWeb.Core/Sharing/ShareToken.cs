using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FundingWeb.Core.Sharing;

/// <summary>
/// Share tokens: 256 random bits from the OS CSPRNG, base64url (43 characters). The database keeps only the SHA-256 of
/// the token text; a token is looked up by its hash, so no comparison of secrets happens in our code.
/// </summary>
public static class ShareToken
{
    public const int Bytes = 32;
    public const int Length = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Shape check before any database work: 43 base64url characters.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
