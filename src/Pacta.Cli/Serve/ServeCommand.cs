using System.ComponentModel;
using Pacta.Cli.Datasets;
using Pacta.Datasets;
using Pacta.Server;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Serve;

/// <summary><c>pacta serve [--db FILE] [--urls URL] [--demo]</c>: the web app and the HTTP API.</summary>
public sealed class ServeCommand : Command<ServeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--urls <URL>")]
        [Description("Where to listen. Default: " + ServerOptions.DefaultUrls + ".")]
        public string Urls { get; init; } = ServerOptions.DefaultUrls;

        [CommandOption("--demo")]
        [Description("Serve the bundled case from a temporary store: no set-up, nothing kept.")]
        public bool Demo { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        settings.Demo && settings.Database is not null
            ? ValidationResult.Error("--demo serves a temporary store; it cannot be combined with --db")
            : ValidationResult.Success();

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string path;
        string? shown = null;
        string? temporary = null;
        if (settings.Demo)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"pacta-demo-{Guid.NewGuid():N}.db");
            var dataset = DatasetReader.Read(BundledCase.Directory);
            using (var store = SqliteStore.Open(temporary))
                DatasetImport.Write(store, dataset, StoreSettings.Context(context.Arguments));
            path = temporary;
        }
        else
        {
            path = settings.DatabasePath;
            using var check = settings.OpenExisting();
            shown = check.Location;
        }

        try
        {
            var app = PactaApp.Create(new ServerOptions(path, settings.Urls));
            Output.Console.WriteLine($"Serving {(settings.Demo ? "the bundled case (demo)" : shown)} at {settings.Urls} — Ctrl+C to stop.");
            app.Run();
            return ExitCodes.Ok;
        }
        finally
        {
            if (temporary is not null) File.Delete(temporary);
        }
    }
}
