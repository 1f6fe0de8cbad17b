using System.ComponentModel;
using System.Globalization;
using Pacta.Store.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Accounts;

/// <summary><c>pacta user add NAME --role ROLE [--password-stdin]</c>: a user who may sign in to the web app.</summary>
public sealed class UserAddCommand : Command<UserAddCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The user's name: letters, digits, '.', '-' and '_' (unique whatever the case).")]
        public string Name { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("viewer, contributor, reviewer or admin (docs/accounts.md).")]
        public string? Role { get; init; }

        [CommandOption("--password-stdin")]
        [Description("Read the password from standard input instead of asking twice on the terminal.")]
        public bool PasswordStdin { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        settings.Role is null ? ValidationResult.Error("--role is required: viewer, contributor, reviewer or admin") : ValidationResult.Success();

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AccountText.CheckName(settings.Name);
        var role = AccountText.Role("--role", settings.Role);
        using var store = settings.OpenExisting();
        if (store.FindUser(settings.Name) is { } taken) throw new InvalidArgumentsException([$"a user '{taken.Name}' exists already"]);
        var password = AccountText.Password(settings.PasswordStdin);
        var user = AccountText.Refusable(() => store.AddUser(settings.Name, role, password, StoreSettings.Context(context.Arguments)));
        Output.Console.WriteLine($"Added {user.Name} as {user.Role.Text()}.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta user list</c>: every user with role, state and how many tokens work.</summary>
public sealed class UserListCommand : Command<StoreSettings>
{
    public override int Execute(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var now = DateTimeOffset.UtcNow;
        var activeTokens = store.Tokens().Where(t => t.IsActive(now)).CountBy(t => t.User).ToDictionary(StringComparer.OrdinalIgnoreCase);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "name", "role", "created", "state", "active tokens" }) table.AddColumn(new TableColumn(new Text(header)));
        foreach (var user in store.Users())
        {
            table.AddRow(
                new Text(user.Name),
                new Text(user.Role.Text()),
                new Text(AccountText.Instant(user.CreatedAt)),
                new Text(user.DisabledAt is { } at ? "disabled " + AccountText.Instant(at) : "active"),
                new Text(activeTokens.GetValueOrDefault(user.Name).ToString(CultureInfo.InvariantCulture)));
        }
        Output.Console.Write(table);
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta user role NAME ROLE</c>: gives a user another role; the store keeps at least one active admin.</summary>
public sealed class UserRoleCommand : Command<UserRoleCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        public string Name { get; init; } = "";

        [CommandArgument(1, "<ROLE>")]
        [Description("viewer, contributor, reviewer or admin.")]
        public string Role { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var role = AccountText.Role("ROLE", settings.Role);
        using var store = settings.OpenExisting();
        var changed = AccountText.Refusable(() => store.SetRole(settings.Name, role, StoreSettings.Context(context.Arguments)));
        Output.Console.WriteLine(changed ? $"{settings.Name} is now {role.Text()}." : $"{settings.Name} is {role.Text()} already; nothing changed.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta user disable NAME</c>: the user can no longer sign in, and none of the user's tokens works.</summary>
public sealed class UserDisableCommand : Command<UserDisableCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        public string Name { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var changed = AccountText.Refusable(() => store.DisableUser(settings.Name, StoreSettings.Context(context.Arguments)));
        Output.Console.WriteLine(changed
            ? $"{settings.Name} is disabled: no sign-in, no token works."
            : $"{settings.Name} is disabled already; nothing changed.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta user events [NAME]</c>: every change to users and tokens, oldest first: who, when, which command.</summary>
public sealed class UserEventsCommand : Command<UserEventsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "[NAME]")]
        [Description("Only this user's.")]
        public string? Name { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "#", "recorded at", "user", "what", "detail", "by", "command" }) table.AddColumn(new TableColumn(new Text(header)));
        foreach (var change in store.AccountEvents(settings.Name))
        {
            table.AddRow(
                new Text(change.Sequence.ToString(CultureInfo.InvariantCulture)), new Text(AccountText.Instant(change.RecordedAt)),
                new Text(change.User), new Text(change.Action), new Text(change.Detail ?? ""), new Text(change.By), new Text(change.Command));
        }
        Output.Console.Write(table);
        return ExitCodes.Ok;
    }
}
