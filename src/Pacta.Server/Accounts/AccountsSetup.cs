using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Server.Accounts;

/// <summary>
/// Who is asking, with ASP.NET Core's own parts: a cookie for people signed in through <c>/login</c> (HttpOnly,
/// SameSite=Strict, Secure over HTTPS; antiforgery tokens on every form), a bearer token for the API, one
/// authorization policy per role, a rate limit on sign-in per client address and per user name, and a limit on
/// request bodies. Reading stays open to everyone: only what says so needs a role.
/// </summary>
public static class AccountsSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string BearerScheme = "Bearer";

    /// <summary>Picks the cookie for pages and the token for the API, so the API never acts on a browser's cookie.</summary>
    private const string EitherScheme = "CookieOrBearer";

    public const string SignInPath = "/login";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "a cookie for pages, a bearer token for the API",
                scheme => scheme.ForwardDefaultSelector = context => IsApi(context) ? BearerScheme : CookieScheme)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "pacta.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = SignInPath;
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/status/403";
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = ValidateSession;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerScheme, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) => cookie.ExpireTimeSpan = accounts.Value.SessionIdleTimeout);

        services.AddAuthorization(authorization =>
        {
            // A policy per role, named as the role: "reviewer" admits reviewers and admins.
            foreach (var role in Roles.All)
            {
                authorization.AddPolicy(role.Text(), policy => policy.RequireAuthenticatedUser()
                    .RequireAssertion(context => AccountClaims.RoleOf(context.User) is { } held && held.Includes(role)));
            }
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "pacta.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sends X-Frame-Options: DENY on every response already.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", AccountsOpenApi.Describe);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>>((limiter, accounts) => LimitSignIn(limiter, accounts.Value));
        return services;
    }

    /// <summary>The middleware, in order: body limit, authentication (a bad token on the API is a 401 even where reading is open), the sign-in limit, authorization.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(LimitBody);
        app.UseAuthentication();
        app.Use(RefuseBadTokens);
        // The rate limiter decides before the page reads the form, so the user name is read here first (the form is kept).
        app.UseWhen(IsSignIn, signIn => signIn.Use(ReadSignInForm));
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>A post to the sign-in page, however its path is written (routing ignores case and a final slash; so must the limit).</summary>
    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && string.Equals(context.Request.Path.Value?.TrimEnd('/'), SignInPath, StringComparison.OrdinalIgnoreCase);

    private static async Task LimitBody(HttpContext context, RequestDelegate next)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "Content too large",
                $"the request body has {context.Request.ContentLength} bytes; at most {limit} are accepted");
            return;
        }
        await next(context);
    }

    private static async Task RefuseBadTokens(HttpContext context, RequestDelegate next)
    {
        if (IsApi(context) && context.Request.Headers.Authorization.Count > 0
            && (await context.AuthenticateAsync(BearerScheme)).Failure is not null)
        {
            await context.ChallengeAsync(BearerScheme);
            return;
        }
        await next(context);
    }

    private static async Task ReadSignInForm(HttpContext context, RequestDelegate next)
    {
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                await Problem(context, StatusCodes.Status400BadRequest, "Bad request", $"the form cannot be read: {e.Message}");
                return;
            }
        }
        await next(context);
    }

    private static string? SignInName(HttpContext context) =>
        context.Features.Get<IFormFeature>()?.Form?["name"].ToString() is { Length: > 0 } name
            ? name.Trim().ToLowerInvariant()
            : null;

    /// <summary>Sign-in attempts counted in fixed windows, per client address and per user name; other requests pass.</summary>
    private static void LimitSignIn(RateLimiterOptions limiter, AccountOptions accounts)
    {
        FixedWindowRateLimiterOptions Window(int attempts) => new()
        {
            PermitLimit = attempts,
            Window = accounts.LoginWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                ? RateLimitPartition.GetFixedWindowLimiter("client:" + context.Connection.RemoteIpAddress, _ => Window(accounts.LoginAttemptsPerClient))
                : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context) && SignInName(context) is { } name
                ? RateLimitPartition.GetFixedWindowLimiter("name:" + name, _ => Window(accounts.LoginAttemptsPerName))
                : RateLimitPartition.GetNoLimiter("")));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (rejected, _) =>
        {
            var context = rejected.HttpContext;
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : accounts.LoginWindow;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var detail = $"too many sign-in attempts; try again in {seconds} second{(seconds == 1 ? "" : "s")}";
            if (WantsJson(context))
            {
                await Problem(context, StatusCodes.Status429TooManyRequests, "Too many requests", detail);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Too many attempts — Pacta</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><main><h1>Too many sign-in attempts</h1><p>For the safety of every account, sign-in is paused: {detail}.</p>
                <p><a href="{SignInPath}">Back to sign in</a></p></main></body></html>
                """, context.RequestAborted);
        };
    }

    private static bool WantsJson(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static async Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// Each request with a sign-in cookie checks the user again: a user disabled since is signed out at once, and a
    /// changed role takes effect at the next request rather than at the next sign-in.
    /// </summary>
    private static async Task ValidateSession(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var user = name is null ? null : context.HttpContext.RequestServices.GetRequiredService<IStore>().FindUser(name);
        if (user is null || user.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        if (AccountClaims.RoleOf(context.Principal!) != user.Role)
        {
            context.ReplacePrincipal(AccountClaims.Principal(user, CookieScheme));
            context.ShouldRenew = true;
        }
    }
}
