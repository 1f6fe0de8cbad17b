extern alias server;

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Server.Accounts;
using Pacta.Store;
using Pacta.Store.Accounts;
using Pacta.Tests.Store;

namespace Pacta.Tests.Server.Accounts;

/// <summary>
/// The real server in memory over a store file of its own holding three users (an admin, a reviewer and a viewer),
/// the server and the store on one clock the test moves. Sign-in limits are high unless a test asks otherwise.
/// </summary>
public sealed partial class AccountsHost : WebApplicationFactory<server::Program>
{
    public const string Password = "a-long-shared-password";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));

    internal FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(folder, "accounts.db");

    /// <summary>The store the server uses (the same object), for setting up users and tokens.</summary>
    public IStore Store => Services.GetRequiredService<IStore>();

    public int AttemptsPerName { get; init; } = 1000;

    public int AttemptsPerClient { get; init; } = 1000;

    public static readonly ChangeContext Setup = new("tests", "pacta tests");

    /// <summary>A new token of the user's, as its secret.</summary>
    public string Token(string user, DateTimeOffset? expires = null) => Store.AddToken(user, expires, Setup).Secret;

    /// <summary>A client that keeps cookies and shows redirects rather than following them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> Get(HttpClient client, string url, string? token = null, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token of the sign-in form, read from the page as a browser would (its cookie stays in the client).</summary>
    public static async Task<string> FormToken(HttpClient client, string page = "/login")
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
        return HiddenToken().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string name, string password, string? formToken)
    {
        var fields = new Dictionary<string, string> { ["name"] = name, ["password"] = password };
        if (formToken is not null) fields["__RequestVerificationToken"] = formToken;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/login", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    /// <summary>A sign-in page's body with what differs from one rendering to the next (the antiforgery token) and the name typed taken out.</summary>
    public static string Comparable(string html, string name) =>
        HiddenToken().Replace(html, "TOKEN").Replace($"value=\"{name}\"", "value=\"NAME\"", StringComparison.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        using (var store = SqliteStore.Open(DatabasePath, Clock))
        {
            store.AddUser("ada", Role.Admin, Password, Setup);
            store.AddUser("rex", Role.Reviewer, Password, Setup);
            store.AddUser("vic", Role.Viewer, Password, Setup);
        }
        builder.UseSetting("db", DatabasePath);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStore>(_ => SqliteStore.Open(DatabasePath, Clock));
            services.Configure<AccountOptions>(options =>
            {
                options.LoginAttemptsPerName = AttemptsPerName;
                options.LoginAttemptsPerClient = AttemptsPerClient;
            });
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
