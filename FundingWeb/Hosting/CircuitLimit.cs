using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

/// <summary>
/// At most <see cref="LiveLimitsOptions.MaxCircuitsPerClient"/> live connections (Blazor circuits) per client at once, so
/// 50 tabs from one browser cannot take the server from the rest of the team. Counted on the live connection itself: the
/// GET to <c>/_blazor</c> (a WebSocket, or the server-sent-events or long-polling fallback) lasts as long as its circuit is
/// connected; a connection past the cap answers 429 and that tab shows its reconnect notice.
/// </summary>
public sealed class CircuitLimit(IOptionsMonitor<LiveLimitsOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int OpenFor(string client) => _open.TryGetValue(client, out var n) ? n : 0;

    public bool TryEnter(string client)
    {
        var cap = Math.Max(1, options.CurrentValue.MaxCircuitsPerClient);
        while (true)
        {
            var current = _open.GetOrAdd(client, 0);
            if (current >= cap) return false;
            if (_open.TryUpdate(client, current + 1, current)) return true;
        }
    }

    public void Leave(string client)
    {
        while (_open.TryGetValue(client, out var current))
        {
            if (current <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(client, current)) : _open.TryUpdate(client, current - 1, current)) return;
        }
    }

    public static WebApplication UseFundingCircuitLimit(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Exactly /_blazor: negotiate, initializers and the POSTs a fallback transport sends with are not connections.
            if (!HttpMethods.IsGet(context.Request.Method) || !string.Equals(context.Request.Path.Value, "/_blazor", StringComparison.OrdinalIgnoreCase))
            {
                await next();
                return;
            }
            var limit = context.RequestServices.GetRequiredService<CircuitLimit>();
            var client = ClientKey.Of(context);
            if (!limit.TryEnter(client))
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "30";
                await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Too many live tabs from this client (at most {limit.Cap}): close one and reload."));
                return;
            }
            try
            {
                await next();
            }
            finally
            {
                limit.Leave(client);
            }
        });
        return app;
    }

    public int Cap => Math.Max(1, options.CurrentValue.MaxCircuitsPerClient);
}
