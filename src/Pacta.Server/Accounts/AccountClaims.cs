using System.Security.Claims;
using Pacta.Store.Accounts;

namespace Pacta.Server.Accounts;

/// <summary>A signed-in user as ASP.NET Core sees one: a name, one role, and for a token, which one.</summary>
public static class AccountClaims
{
    public const string TokenId = "pacta:token";

    public static ClaimsPrincipal Principal(User user, string scheme, long? tokenId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role.Text()) };
        if (tokenId is { } id) claims.Add(new Claim(TokenId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The signed-in user's role, or null for an anonymous visitor.</summary>
    public static Role? RoleOf(ClaimsPrincipal user) =>
        user?.Identity?.IsAuthenticated == true && Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}
