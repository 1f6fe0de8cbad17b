using System.ComponentModel;
using Pacta.Cli.Datasets;
using Pacta.Datasets;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Store;

/// <summary><c>pacta init [--db FILE] [--sample] [--force]</c>: a new, empty store, or one holding the bundled case.</summary>
public sealed class InitCommand : Command<InitCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--sample")]
        [Description("Load the bundled Armenia–Azerbaijan case (data/south-caucasus).")]
        public bool Sample { get; init; }

        [CommandOption("--force")]
        [Description("Replace the file if it exists.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = settings.DatabasePath;
        if (Stores.Exists(path) && !settings.Force)
            throw new CommandFailedException(Stores.IsPostgres(path)
                ? "the PostgreSQL database holds a Pacta store already; use --force to replace it, or --db to choose another database"
                : $"{path} already exists; use --force to replace it, or --db to choose another file");

        // Read and check the sample before touching the file: a broken bundle must not leave an empty store behind.
        var sample = settings.Sample ? DatasetReader.Read(BundledCase.Directory) : null;
        using (var store = Stores.Replace(path))
        {
            if (sample is not null)
            {
                var summary = DatasetImport.Write(store, sample, StoreSettings.Context(context.Arguments));
                Output.Console.WriteLine($"Created {store.Location} with the bundled case: {summary.Created} records.");
            }
            else
            {
                Output.Console.WriteLine($"Created {store.Location} (schema version {store.SchemaVersion}).");
            }
        }
        return ExitCodes.Ok;
    }
}
