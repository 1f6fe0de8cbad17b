using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Server.Accounts;

/// <summary>
/// <c>Authorization: Bearer pacta_…</c> for the API: the token's SHA-256 is looked up in the store. A missing header
/// leaves the request anonymous; a header that does not hold a working token fails, and the API answers 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750) and problem details saying why.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IStore store, TimeProvider clock,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (headers.Count > 1) return Fail("the request has more than one Authorization header");
        var header = (headers[0] ?? "").Trim();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return Fail("the API takes an API token as 'Authorization: Bearer TOKEN'");
        var check = store.CheckToken(space < 0 ? "" : header[(space + 1)..].Trim(), clock.GetUtcNow());
        return check.Verdict switch
        {
            TokenVerdict.Valid => Task.FromResult(AuthenticateResult.Success(
                new AuthenticationTicket(AccountClaims.Principal(check.User!, Scheme.Name, check.TokenId), Scheme.Name))),
            TokenVerdict.Malformed => Fail("the bearer token is not a Pacta API token (pacta_ and 43 more characters)"),
            TokenVerdict.Unknown => Fail("the API token is not known"),
            TokenVerdict.Expired => Fail("the API token has expired"),
            TokenVerdict.Revoked => Fail("the API token has been revoked"),
            TokenVerdict.UserDisabled => Fail("the API token's user is disabled"),
            _ => throw new InvalidOperationException($"unexpected verdict {check.Verdict}"),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"";
        await Write(StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "this needs an API token: 'Authorization: Bearer TOKEN' (an admin makes one with 'pacta token add NAME')");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var needed = Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()?.Policy;
        var role = AccountClaims.RoleOf(Context.User)?.Text() ?? "none";
        await Write(StatusCodes.Status403Forbidden, "Forbidden",
            needed is null ? $"the role {role} does not allow this" : $"this needs the role {needed} or higher; the token's user is {role}");
    }

    private static Task<AuthenticateResult> Fail(string reason) => Task.FromResult(AuthenticateResult.Fail(reason));

    private async Task Write(int status, string title, string detail) =>
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
}
