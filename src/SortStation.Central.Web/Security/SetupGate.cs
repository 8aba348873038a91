using Microsoft.AspNetCore.Http;
using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Security;

/// <summary>
/// With no user in the database yet, every page shows only how to create one (<c>/setup</c>); the API answers
/// as usual (401 without a key). Once a user exists the check is never made again by this process.
/// </summary>
public sealed class SetupGate(IAccountStore accounts)
{
    private volatile bool _hasUsers;

    public async Task<bool> HasUsersAsync(CancellationToken cancellationToken)
    {
        if (!_hasUsers)
        {
            _hasUsers = await accounts.CountUsersAsync(cancellationToken) > 0;
        }

        return _hasUsers;
    }

    public async Task Apply(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/static", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/language", StringComparison.OrdinalIgnoreCase);
        if (!exempt && !await HasUsersAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next();
    }
}
