namespace FundingWeb.Core.Live;

public sealed class LiveOptions
{
    /// <summary>Least time between two pushes to one subscriber; a burst of polls becomes one push.</summary>
    public TimeSpan MinPushInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
