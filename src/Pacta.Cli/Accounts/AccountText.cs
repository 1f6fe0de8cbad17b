using System.Globalization;
using Pacta.Store.Accounts;
using Spectre.Console;

namespace Pacta.Cli.Accounts;

/// <summary>What the user and token commands share: a refusal as exit code 3, dates on the command line and in tables, the password prompt.</summary>
internal static class AccountText
{
    /// <summary>Runs an account change; a refusal by the store (a name taken, no such token …) exits 3, nothing written.</summary>
    public static T Refusable<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        catch (AccountException e)
        {
            throw new InvalidArgumentsException([e.Message]);
        }
    }

    public static Role Role(string option, string? text) =>
        Roles.TryParse(text, out var role)
            ? role
            : throw new InvalidArgumentsException([$"{option}: '{text}' is not a role (use one of {string.Join(", ", Roles.All.Select(r => r.Text()))})"]);

    public static void CheckName(string name)
    {
        if (UserNames.Problem(name) is { } problem) throw new InvalidArgumentsException([problem]);
    }

    /// <summary>A date (the token stops working as that day begins, UTC) or an instant with its offset (2027-01-31T18:00:00Z).</summary>
    public static DateTimeOffset Expiry(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (text.Contains('T', StringComparison.Ordinal) && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        throw new InvalidArgumentsException([$"--expires: '{text}' is not a date (YYYY-MM-DD) or an instant with its offset (YYYY-MM-DDTHH:MM:SSZ)"]);
    }

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>
    /// The new user's password: all of standard input with <c>--password-stdin</c> (one final line break dropped), else
    /// asked twice on the terminal. Never an argument: arguments show in process lists and shell histories.
    /// </summary>
    public static string Password(bool fromStandardInput)
    {
        string password;
        if (fromStandardInput)
        {
            password = Console.In.ReadToEnd();
            if (password.EndsWith('\n')) password = password[..^1];
            if (password.EndsWith('\r')) password = password[..^1];
        }
        else
        {
            if (Console.IsInputRedirected || Console.IsOutputRedirected)
                throw new UsageException("no password: give it on standard input with --password-stdin, or run on a terminal to be asked for it");
            password = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
            var again = AnsiConsole.Prompt(new TextPrompt<string>("The same password again:").Secret());
            if (!string.Equals(password, again, StringComparison.Ordinal)) throw new InvalidArgumentsException(["the two passwords differ"]);
        }
        if (Passwords.Problem(password) is { } problem) throw new InvalidArgumentsException([problem]);
        return password;
    }
}
