using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Accounts;

/// <summary><c>pacta token add NAME [--expires DATE]</c>: a new API token for a user, its secret printed once.</summary>
public sealed class TokenAddCommand : Command<TokenAddCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The user the token acts as.")]
        public string Name { get; init; } = "";

        [CommandOption("--expires <DATE>")]
        [Description("When the token stops working: YYYY-MM-DD (as that day begins, UTC) or an instant with offset. Default: in 90 days.")]
        public string? Expires { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var expires = settings.Expires is null ? (DateTimeOffset?)null : AccountText.Expiry(settings.Expires);
        using var store = settings.OpenExisting();
        var made = AccountText.Refusable(() => store.AddToken(settings.Name, expires, StoreSettings.Context(context.Arguments)));
        // The secret alone on stdout, so a script can take it (TOKEN=$(pacta token add bot)); the rest on stderr.
        Console.Out.WriteLine(made.Secret);
        Console.Error.WriteLine(
            $"Token {made.Token.Id} for {made.Token.User}, until {AccountText.Instant(made.Token.ExpiresAt)}. " +
            "This is the only time the secret is shown: the store keeps only its hash.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta token list [NAME]</c>: tokens with owner, dates and state; never a secret.</summary>
public sealed class TokenListCommand : Command<TokenListCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "[NAME]")]
        [Description("Only this user's tokens.")]
        public string? Name { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var tokens = AccountText.Refusable(() => store.Tokens(settings.Name));
        var now = DateTimeOffset.UtcNow;
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "id", "user", "created", "expires", "state" }) table.AddColumn(new TableColumn(new Text(header)));
        foreach (var token in tokens)
        {
            var state = token.RevokedAt is { } revoked ? "revoked " + AccountText.Instant(revoked) : token.IsActive(now) ? "active" : "expired";
            table.AddRow(new Text(token.Id.ToString(CultureInfo.InvariantCulture)), new Text(token.User),
                new Text(AccountText.Instant(token.CreatedAt)), new Text(AccountText.Instant(token.ExpiresAt)), new Text(state));
        }
        Output.Console.Write(table);
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta token revoke ID</c>: the token stops working at once, for good.</summary>
public sealed class TokenRevokeCommand : Command<TokenRevokeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The token's id, as 'pacta token list' shows it.")]
        public string Id { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!long.TryParse(settings.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            throw new InvalidArgumentsException([$"'{settings.Id}' is not a token id (a whole number, as 'pacta token list' shows)"]);
        using var store = settings.OpenExisting();
        var changed = AccountText.Refusable(() => store.RevokeToken(id, StoreSettings.Context(context.Arguments)));
        Output.Console.WriteLine(changed ? $"Token {id} is revoked." : $"Token {id} was revoked already; nothing changed.");
        return ExitCodes.Ok;
    }
}
