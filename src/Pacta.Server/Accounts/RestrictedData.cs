using Microsoft.AspNetCore.Diagnostics;
using Pacta.Restrictions;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Server.Accounts;

/// <summary>The store one process opens; every request reads it through an <see cref="AudienceStore"/> of its own user.</summary>
public sealed class SharedStore(IStore store) : IDisposable
{
    public IStore Store { get; } = store;

    public void Dispose() => Store.Dispose();
}

/// <summary>
/// Restricted data in the server: every page and endpoint gets its <see cref="IStore"/> through DI, as a view for the
/// signed-in user's (or token's) role, so no read can forget the filter. Outside a request (the host itself, a test
/// seeding the store) the view reads and writes everything. A write that would set or lift a marking without the
/// permission becomes a 403 problem details.
/// </summary>
public static class RestrictedData
{
    public static IServiceCollection AddRestrictedData(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddTransient<IStore>(provider =>
        {
            var shared = provider.GetRequiredService<SharedStore>().Store;
            var accessor = provider.GetRequiredService<IHttpContextAccessor>();
            return new AudienceStore(shared, () => Who(accessor.HttpContext));
        });
        services.AddExceptionHandler<RestrictedWriteHandler>();
        return services;
    }

    private static (Audience, bool) Who(HttpContext? http)
    {
        if (http is null) return (Audience.Everything, true);
        var role = AccountClaims.RoleOf(http.User);
        return (Permissions.AudienceOf(role), role.Holds(Permission.MarkRestricted));
    }

    private sealed class RestrictedWriteHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not RestrictedWriteException refused) return false;
            httpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = refused.Message },
                Exception = exception,
            });
        }
    }
}
