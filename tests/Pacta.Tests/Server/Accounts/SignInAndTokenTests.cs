using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Pacta.Server.Pages.Account;
using Pacta.Store.Accounts;

namespace Pacta.Tests.Server.Accounts;

/// <summary>Tokens on the API, role policies, and sign-in through the form, over real HTTP to the real server.</summary>
public sealed class SignInAndTokenTests(AccountsHost host) : IClassFixture<AccountsHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    [Fact]
    public async Task Me_without_credentials_is_a_401_asking_for_a_bearer_token()
    {
        using var response = await AccountsHost.Get(host.CreateClient(), "/api/v1/me");

        var problem = await Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Contains("Authorization: Bearer TOKEN", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_with_a_valid_token_names_its_user_and_role()
    {
        var token = host.Token("rex");

        using var response = await AccountsHost.Get(host.CreateClient(), "/api/v1/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("rex", (string?)me["name"]);
        Assert.Equal("reviewer", (string?)me["role"]);
        Assert.Equal(host.Store.Tokens("rex")[^1].Id, (long?)me["token"]);
    }

    [Theory]
    [InlineData("expired", "the API token has expired")]
    [InlineData("revoked", "the API token has been revoked")]
    [InlineData("unknown", "the API token is not known")]
    [InlineData("disabled", "the API token's user is disabled")]
    [InlineData("malformed", "the bearer token is not a Pacta API token (pacta_ and 43 more characters)")]
    [InlineData("basic", "the API takes an API token as 'Authorization: Bearer TOKEN'")]
    [InlineData("empty", "the bearer token is not a Pacta API token (pacta_ and 43 more characters)")]
    public async Task A_token_that_does_not_work_is_a_401_saying_why_even_where_reading_is_open(string kind, string reason)
    {
        var scheme = "Bearer";
        string token;
        switch (kind)
        {
            case "expired":
                token = host.Token("vic", host.Clock.Now.AddMinutes(1));
                host.Clock.Advance(TimeSpan.FromMinutes(1));
                break;
            case "revoked":
                var made = host.Store.AddToken("vic", null, AccountsHost.Setup);
                host.Store.RevokeToken(made.Token.Id, AccountsHost.Setup);
                token = made.Secret;
                break;
            case "disabled":
                host.Store.AddUser("gone", Role.Contributor, AccountsHost.Password, AccountsHost.Setup);
                token = host.Token("gone");
                host.Store.DisableUser("gone", AccountsHost.Setup);
                break;
            case "unknown":
                token = TokenSecrets.New();
                break;
            case "malformed":
                token = "' OR 1=1 --";
                break;
            case "basic":
                scheme = "Basic";
                token = Convert.ToBase64String("ada:a-long-shared-password"u8.ToArray());
                break;
            default:
                token = "";
                break;
        }

        foreach (var url in new[] { "/api/v1/me", "/api/v1/users", "/api/v1/sources" })
        {
            using var response = await AccountsHost.Get(host.CreateClient(), url, token, scheme);

            var problem = await Problem(response, HttpStatusCode.Unauthorized);
            Assert.Equal(reason, (string?)problem["detail"]);
            Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{reason}\"", response.Headers.WwwAuthenticate.Single().ToString());
        }
    }

    [Fact]
    public async Task Reading_stays_open_without_credentials()
    {
        var client = host.CreateClient();
        foreach (var url in new[] { "/api/v1/sources", "/", "/documents", "/login" })
        {
            using var response = await AccountsHost.Get(client, url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_viewer_or_reviewer_cannot_list_users_and_an_admin_can_without_any_hash()
    {
        foreach (var user in new[] { "vic", "rex" })
        {
            using var refused = await AccountsHost.Get(host.CreateClient(), "/api/v1/users", host.Token(user));
            var problem = await Problem(refused, HttpStatusCode.Forbidden);
            Assert.Contains("this needs the role admin", (string?)problem["detail"], StringComparison.Ordinal);
        }

        using var response = await AccountsHost.Get(host.CreateClient(), "/api/v1/users", host.Token("ada"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var users = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(host.Store.Users().Select(u => (u.Name, u.Role.Text())), users.Select(u => ((string)u!["name"]!, (string)u["role"]!)));
        Assert.Contains(("ada", "admin"), users.Select(u => ((string)u!["name"]!, (string)u["role"]!)));
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_through_the_form_sets_a_strict_http_only_cookie_and_shows_the_name_in_the_header()
    {
        var client = host.Browser();
        var before = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        Assert.Contains("<a class=\"sign-in\" href=\"/login\">Sign in</a>", before, StringComparison.Ordinal);

        using var response = await AccountsHost.SignIn(client, "rex", AccountsHost.Password, await AccountsHost.FormToken(client));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pacta.session=", StringComparison.Ordinal));
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        var after = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        Assert.Contains("<span class=\"who\">rex</span>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/login\">Sign in", after, StringComparison.Ordinal);

        // The API takes tokens only: the browser's cookie does not make it act for the user.
        using var api = await AccountsHost.Get(client, "/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // Signing out is a form too, with its own antiforgery token.
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await AccountsHost.FormToken(client, "/") };
        using var signOut = await client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent(fields), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.DoesNotContain("<span class=\"who\">", await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_secure()
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        });

        using var response = await AccountsHost.SignIn(client, "vic", AccountsHost.Password, await AccountsHost.FormToken(client));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pacta.session=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_sign_in_never_sends_the_user_to_another_site()
    {
        var client = host.Browser();
        var fields = new Dictionary<string, string>
        {
            ["name"] = "vic",
            ["password"] = AccountsHost.Password,
            ["returnUrl"] = "https://elsewhere.example/steal",
            ["__RequestVerificationToken"] = await AccountsHost.FormToken(client),
        };

        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(fields), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_sign_in_or_sign_out_without_the_antiforgery_token_is_refused()
    {
        var client = host.Browser();
        await AccountsHost.FormToken(client);

        using var forged = await AccountsHost.SignIn(client, "ada", AccountsHost.Password, formToken: null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("The form was not accepted", await forged.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("pacta.session=", StringComparison.Ordinal)));

        using (var signedIn = await AccountsHost.SignIn(client, "ada", AccountsHost.Password, await AccountsHost.FormToken(client)))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var forgedSignOut = await client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent([]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, forgedSignOut.StatusCode);
        Assert.Contains("<span class=\"who\">ada</span>", await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer()
    {
        async Task<(HttpStatusCode, string)> Try(string name, string password)
        {
            var client = host.Browser();
            using var response = await AccountsHost.SignIn(client, name, password, await AccountsHost.FormToken(client));
            return (response.StatusCode, AccountsHost.Comparable(await response.Content.ReadAsStringAsync(Cancel), name));
        }

        var wrongPassword = await Try("ada", "not-the-password-at-all");
        var unknownName = await Try("nobody", AccountsHost.Password);
        var disabled = await Try("disabled-one", AccountsHost.Password);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Item1);
        Assert.Contains(LoginModel.FailureText, wrongPassword.Item2, StringComparison.Ordinal);
        Assert.Equal(wrongPassword, unknownName);
        Assert.Equal(wrongPassword, disabled);
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_at_the_next_request_and_a_new_role_shows_at_once()
    {
        host.Store.AddUser("temp", Role.Viewer, AccountsHost.Password, AccountsHost.Setup);
        var client = host.Browser();
        using (var signedIn = await AccountsHost.SignIn(client, "temp", AccountsHost.Password, await AccountsHost.FormToken(client)))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("<span class=\"role\">viewer</span>", await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);

        host.Store.SetRole("temp", Role.Contributor, AccountsHost.Setup);
        Assert.Contains("<span class=\"role\">contributor</span>", await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);

        host.Store.DisableUser("temp", AccountsHost.Setup);
        Assert.DoesNotContain("<span class=\"who\">", await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read()
    {
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var response = await host.CreateClient().PostAsync(new Uri("/login", UriKind.Relative), content, Cancel);

        var problem = await Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("the request body has 2097152 bytes; at most 1048576 are accepted", (string?)problem["detail"]);
    }
}
