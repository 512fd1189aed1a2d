namespace FundingWeb.Core.Sharing;

/// <summary>A share link that cannot be created as asked; <see cref="Exception.Message"/> is written for the person asking.</summary>
public sealed class InvalidShareScopeException(string message) : ArgumentException(message);
