using Pacta.Json;
using Pacta.Server.Accounts;
using Pacta.Server.Api;
using Pacta.Store;

namespace Pacta.Server;

/// <summary>Builds the web application: the store, the JSON form, errors as problem details, security headers, the API and the pages.</summary>
public static class PactaApp
{
    public static WebApplication Create(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            // Razor Pages are found in the application's assembly: this one, even when `pacta serve` (another assembly) starts it.
            ApplicationName = typeof(PactaApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failure to start (a port in use) reaches `pacta serve` as an exception with a clear message; no stack trace in the log too.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // One store for the process (a SQLite file or a PostgreSQL database, by its location): it serialises access itself. A host (a test) may name it as configuration's "db".
        builder.Services.AddSingleton(services => new SharedStore(Stores.Open(
            options.DatabasePath ?? services.GetRequiredService<IConfiguration>()["db"] ?? ServerOptions.DefaultDatabase)));
        // Pages and endpoints get the store as their user may read it (restricted data: docs/accounts.md).
        builder.Services.AddRestrictedData();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(json => PactaJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddApi();
        builder.Services.AddAccounts();
        builder.Services.AddRazorPages();

        var app = builder.Build();
        app.UseExceptionHandler();
        // Scripts get problem details (RFC 9457); people get a page that says what went wrong.
        app.UseWhen(IsForScripts, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsForScripts(context), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        // Routing after the status pages, so that a re-executed request (/status/404) finds its own page.
        app.UseRouting();
        app.UseAccounts();

        app.MapGet("/healthz", (IStore store) => TypedResults.Ok(new Health("ok", store.SchemaVersion)))
            .WithName("Health").WithTags("Health").WithSummary("Whether the server runs and can read its store.");
        app.MapApi();
        app.MapRazorPages();
        return app;
    }

    private static bool IsForScripts(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
        || context.Request.Path.StartsWithSegments("/healthz");
}

public sealed record Health(string Status, int SchemaVersion);
