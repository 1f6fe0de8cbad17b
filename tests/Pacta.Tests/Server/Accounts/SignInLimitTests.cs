using System.Net;
using System.Text.Json.Nodes;

namespace Pacta.Tests.Server.Accounts;

/// <summary>
/// Sign-in attempts are limited per user name and per client address (ASP.NET Core's rate limiter, fixed windows of a
/// minute). Each test has a server of its own, so no other test's attempts count; six attempts take far less than the window.
/// </summary>
public sealed class SignInLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sixth_wrong_password_for_one_name_in_a_minute_gets_a_429_saying_when_to_retry()
    {
        await using var host = new AccountsHost { AttemptsPerName = 5 };
        var client = host.Browser();
        var formToken = await AccountsHost.FormToken(client);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await AccountsHost.SignIn(client, "ada", "wrong-password-" + attempt, formToken);
            Assert.True(wrong.StatusCode == HttpStatusCode.OK, $"attempt {attempt}: {(int)wrong.StatusCode}");
        }

        using var sixth = await AccountsHost.SignIn(client, "ada", "wrong-password-6", formToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = int.Parse(sixth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var page = await sixth.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"try again in {retryAfter} second", page, StringComparison.Ordinal);
        Assert.False(sixth.Headers.TryGetValues("Set-Cookie", out _));

        // Now even the right password waits, in any case of the name; another name is not held up.
        using var right = await AccountsHost.SignIn(client, "ADA", AccountsHost.Password, formToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using var other = await AccountsHost.SignIn(client, "rex", AccountsHost.Password, await AccountsHost.FormToken(client));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        // The same page under another spelling of its path is limited all the same.
        foreach (var path in new[] { "/login/", "/LOGIN" })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "ada", ["password"] = AccountsHost.Password, ["__RequestVerificationToken"] = formToken,
            });
            using var respelled = await client.PostAsync(new Uri(path, UriKind.Relative), form, Cancel);
            Assert.True(respelled.StatusCode == HttpStatusCode.TooManyRequests, $"{path}: {(int)respelled.StatusCode}");
        }
    }

    [Fact]
    public async Task One_client_trying_many_names_is_limited_too_and_a_script_gets_problem_details()
    {
        await using var host = new AccountsHost { AttemptsPerClient = 3 };
        var client = host.Browser();
        var formToken = await AccountsHost.FormToken(client);
        foreach (var name in new[] { "amy", "ben", "cat" })
        {
            using var wrong = await AccountsHost.SignIn(client, name, "wrong-password", formToken);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        using var fourth = await AccountsHost.SignIn(client, "dan", "wrong-password", formToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await fourth.Content.ReadAsStringAsync(Cancel))!;
        Assert.StartsWith("too many sign-in attempts; try again in ", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
