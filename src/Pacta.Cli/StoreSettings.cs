using System.ComponentModel;
using Pacta.Store;
using Spectre.Console.Cli;

namespace Pacta.Cli;

/// <summary>Options every command that uses a store shares.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <FILE>")]
    [Description("The store: a SQLite file. Default: $PACTA_DB, else ./pacta.db.")]
    public string? Database { get; init; }

    [CommandOption("--verbose")]
    [Description("Show details (stack traces) of failures.")]
    public bool Verbose { get; init; }

    public string DatabasePath =>
        Database ?? (Environment.GetEnvironmentVariable("PACTA_DB") is { Length: > 0 } fromEnv ? fromEnv : "pacta.db");

    /// <summary>Opens the store, which must exist: reading or importing never creates one by accident.</summary>
    public SqliteStore OpenExisting()
    {
        var path = DatabasePath;
        if (!File.Exists(path))
            throw new CommandFailedException($"{path}: no such store; create one with 'pacta init --db {path}' (add --sample for the bundled case)");
        return SqliteStore.Open(path);
    }

    /// <summary>Who made a change and with which command, for the store's history.</summary>
    public static ChangeContext Context(IEnumerable<string> arguments) => new(
        Environment.GetEnvironmentVariable("PACTA_USER") is { Length: > 0 } user ? user : Environment.UserName,
        "pacta " + string.Join(' ', arguments));
}
