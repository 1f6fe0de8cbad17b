using System.Security.Claims;
using Pacta.Server.Accounts;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/me</c> and <c>/api/v1/users</c>: who a token belongs to, and (for admins) every user. Never a hash.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var accounts = api.MapGroup("").WithTags("Accounts");
        accounts.MapGet("/me", Me)
            .WithName("Me").WithSummary("The user the API token belongs to, and that user's role.")
            .RequireAuthorization(Role.Viewer.Text())
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        accounts.MapGet("/users", (IStore store) => TypedResults.Ok(store.Users().Select(UserShape.Of).ToList()))
            .WithName("ListUsers").WithSummary("Every user with role and state, by name (admins only).")
            .RequireAuthorization(Role.Admin.Text())
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<MeShape> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeShape(user.Identity!.Name!, AccountClaims.RoleOf(user)!.Value.Text(),
            user.FindFirstValue(AccountClaims.TokenId) is { } token ? long.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : null));
}

/// <summary>Who is asking: the user's name, role (viewer, contributor, reviewer or admin) and the id of the token used.</summary>
public sealed record MeShape(string Name, string Role, long? Token);

/// <summary>A user as the API lists one: no password hash, no tokens.</summary>
public sealed record UserShape(string Name, string Role, DateTimeOffset CreatedAt, bool Disabled, DateTimeOffset? DisabledAt)
{
    public static UserShape Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Name, user.Role.Text(), user.CreatedAt, user.Disabled, user.DisabledAt);
    }
}
