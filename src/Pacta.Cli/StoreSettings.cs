using System.ComponentModel;
using Pacta.Store;
using Spectre.Console.Cli;

namespace Pacta.Cli;

/// <summary>Options every command that uses a store shares.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <FILE>")]
    [Description("The store: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…;Username=…). Default: $PACTA_DB, else ./pacta.db.")]
    public string? Database { get; init; }

    [CommandOption("--verbose")]
    [Description("Show details (stack traces) of failures.")]
    public bool Verbose { get; init; }

    public string DatabasePath =>
        Database ?? (Environment.GetEnvironmentVariable("PACTA_DB") is { Length: > 0 } fromEnv ? fromEnv : "pacta.db");

    /// <summary>Opens the store, which must exist: reading or importing never creates one by accident.</summary>
    public IStore OpenExisting()
    {
        var path = DatabasePath;
        if (Stores.IsPostgres(path))
        {
            if (!Stores.Exists(path))
                throw new CommandFailedException("the PostgreSQL database holds no Pacta store; create one with 'pacta init --db \"CONNECTION\"' (add --sample for the bundled case)");
            return Stores.Open(path);
        }
        if (!File.Exists(path))
            throw new CommandFailedException($"{path}: no such store; create one with 'pacta init --db {path}' (add --sample for the bundled case)");
        return SqliteStore.Open(path);
    }

    /// <summary>Who made a change and with which command, for the store's history.</summary>
    public static ChangeContext Context(IEnumerable<string> arguments) => new(
        Environment.GetEnvironmentVariable("PACTA_USER") is { Length: > 0 } user ? user : Environment.UserName,
        "pacta " + string.Join(' ', arguments));
}
