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

    /// <summary>
    /// Opens the store as the public may read it (no restricted record or field: docs/accounts.md), or whole with
    /// <c>--include-restricted</c>; says on stderr how much was left out.
    /// </summary>
    protected IStore OpenForReading(bool includeRestricted)
    {
        var view = new AudienceStore(OpenExisting(), includeRestricted ? Pacta.Restrictions.Audience.Everything : Pacta.Restrictions.Audience.Public) { OwnsInner = true };
        var (records, fields) = view.LeftOut();
        if (records + fields > 0)
        {
            Console.Error.WriteLine(
                $"Restricted data left out: {records} {(records == 1 ? "record" : "records")} and {fields} {(fields == 1 ? "field" : "fields")} (--include-restricted puts them in).");
        }
        return view;
    }

    /// <summary>Who made a change and with which command, for the store's history.</summary>
    public static ChangeContext Context(IEnumerable<string> arguments) => new(
        Environment.GetEnvironmentVariable("PACTA_USER") is { Length: > 0 } user ? user : Environment.UserName,
        "pacta " + string.Join(' ', arguments));
}

/// <summary>Options of the commands that read records out of a store: exports, reports, <c>list</c>, <c>show</c>, <c>history</c>.</summary>
public class ReadingSettings : StoreSettings
{
    [CommandOption("--include-restricted")]
    [Description("Include records and fields marked restricted; by default they are left out, and stderr says how many.")]
    public bool IncludeRestricted { get; init; }

    public IStore OpenForReading() => OpenForReading(IncludeRestricted);
}
