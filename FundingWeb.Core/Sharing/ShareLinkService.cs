using FundingWeb.Core.Cluster;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Sharing;

/// <summary>
/// Creates, resolves and closes share links. Tokens exist in clear only in the value returned by
/// <see cref="CreateAsync"/> and in the request that presents one; they are never stored or logged (logs name the id).
/// Open share pages <see cref="Subscribe"/> and re-resolve on a change, so pause and revoke reach them at once, on this
/// node and (through the database, <see cref="ClusterChannel"/>) on every other.
/// </summary>
public sealed class ShareLinkService
{
    private readonly ShareLinkRepository repository;
    private readonly TimeProvider time;
    private readonly ILogger<ShareLinkService> logger;
    private readonly IShareExtrasPolicy? extrasPolicy;
    // No coalescing delay: a pause or a revoke must reach open pages at once.
    private readonly Live.ChangeSignal _changed;

    public ShareLinkService(ShareLinkRepository repository, TimeProvider time, ILogger<ShareLinkService> logger, ClusterChannel? channel = null,
        IShareExtrasPolicy? extrasPolicy = null)
    {
        this.repository = repository;
        this.extrasPolicy = extrasPolicy;
        this.time = time;
        this.logger = logger;
        _changed = new(time, TimeSpan.Zero, logger);
        if (channel is null) return;
        channel.Received += m => { if (m.Kind == ClusterMessage.Share) NotifyChanged(); };
        // Messages missed while the listener was away: every open page re-resolves (cheap, and only after a reconnect).
        channel.Resync += NotifyChanged;
    }

    /// <summary>
    /// Stores a new link. A page's extras are checked against the page's whitelist first (none is accepted without a
    /// policy): an unknown or malformed one is refused with <see cref="InvalidShareScopeException"/> and nothing is stored.
    /// </summary>
    public async Task<CreatedShareLink> CreateAsync(ShareScope scope, string label, string creator, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope.Path);
        if (scope.Extras is { } extras)
        {
            var refusal = extrasPolicy is null ? $"This server keeps no page settings in share links ('{extras.Names[0]}' given)." : extrasPolicy.Refusal(scope.Path, extras);
            if (refusal is not null) throw new InvalidShareScopeException(refusal);
        }
        var now = time.GetUtcNow();
        if (expiresAt is { } e && e <= now) throw new ArgumentOutOfRangeException(nameof(expiresAt), "A link cannot expire in the past.");
        var token = ShareToken.Create();
        var link = await repository.InsertAsync(ShareToken.Hash(token), label.Trim(), creator.Trim(), scope, now.ToUnixTimeMilliseconds(),
            expiresAt?.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Share link {Id} created by {Creator} for {Path}", link.Id, link.Creator, scope.Path);
        return new CreatedShareLink(link, token);
    }

    /// <summary>Active links record the open; paused links resolve (so the page can say so) without it.</summary>
    public async Task<ShareResolution> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(token)) return ShareResolution.NotFound;
        var link = await repository.GetByHashAsync(ShareToken.Hash(token!), cancellationToken).ConfigureAwait(false);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (link is null || link.State == ShareLinkState.Revoked || link.IsExpired(nowMs)) return ShareResolution.NotFound;
        if (link.State == ShareLinkState.Paused) return new ShareResolution(ShareResolutionStatus.Paused, link);
        await repository.MarkOpenedAsync(link.Id, nowMs, cancellationToken).ConfigureAwait(false);
        return new ShareResolution(ShareResolutionStatus.Active, link with { LastOpenedMs = nowMs });
    }

    public Task<IReadOnlyList<ShareLink>> GetAllAsync(CancellationToken cancellationToken) => repository.GetAllAsync(cancellationToken);

    public Task<ShareLink?> GetAsync(long id, CancellationToken cancellationToken) => repository.GetAsync(id, cancellationToken);

    public Task<bool> PauseAsync(long id, CancellationToken cancellationToken) => SetStateAsync(id, ShareLinkState.Paused, cancellationToken);

    public Task<bool> ResumeAsync(long id, CancellationToken cancellationToken) => SetStateAsync(id, ShareLinkState.Active, cancellationToken);

    /// <summary>Final: a revoked link never resumes.</summary>
    public Task<bool> RevokeAsync(long id, CancellationToken cancellationToken) => SetStateAsync(id, ShareLinkState.Revoked, cancellationToken);

    /// <summary>Called after any link changes state; carries no data (re-read the link). Dispose to unsubscribe.</summary>
    public IDisposable Subscribe(Func<Task> onChanged) => _changed.Subscribe(onChanged);

    /// <inheritdoc cref="Subscribe(Func{Task})"/>
    public IDisposable Subscribe(Action onChanged) => _changed.Subscribe(() => { onChanged(); return Task.CompletedTask; });

    public int SubscriberCount => _changed.SubscriberCount;

    /// <summary>Tells open pages to re-read their links (a state change here, or one another node made).</summary>
    public void NotifyChanged() => _changed.Signal();

    private async Task<bool> SetStateAsync(long id, ShareLinkState state, CancellationToken cancellationToken)
    {
        var changed = await repository.SetStateAsync(id, state, cancellationToken).ConfigureAwait(false);
        if (!changed) return false;
        logger.LogInformation("Share link {Id} is now {State}", id, state);
        // Each page hears through its own throttler: one that fails while reacting stops neither the others nor the admin's action.
        NotifyChanged();
        return true;
    }
}
