namespace FundingWeb.Hosting;

/// <summary>This process's place in a deployment: its role (<c>--Role</c>) and its name (<c>--NodeName</c>, in leases and logs).</summary>
public sealed record NodeOptions(NodeRole Role, string Name)
{
    public bool Polls => Role != NodeRole.Web;

    public bool ServesPages => Role != NodeRole.Poller;

    public static NodeOptions From(IConfiguration configuration)
    {
        var role = configuration["Role"] is { Length: > 0 } text
            ? Enum.TryParse<NodeRole>(text, ignoreCase: true, out var r) && Enum.IsDefined(r)
                ? r
                : throw new InvalidOperationException($"Role={text} is not a role: use All, Poller or Web.")
            : NodeRole.All;
        var name = configuration["NodeName"] is { Length: > 0 } n ? n : $"{Environment.MachineName}-{Environment.ProcessId}";
        return new NodeOptions(role, name);
    }
}
