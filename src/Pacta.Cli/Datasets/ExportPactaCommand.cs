using System.ComponentModel;
using Pacta.Datasets;
using Pacta.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Datasets;

/// <summary><c>pacta export pacta DIR</c>: the whole store as a dataset folder, deterministic and re-importable.</summary>
public sealed class ExportPactaCommand : Command<ExportPactaCommand.Settings>
{
    public sealed class Settings : ReadingSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The folder to write: new, empty, or an earlier export (its record files are replaced).")]
        public string Directory { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenForReading();
        var info = DatasetImport.StoredInfo(store)
            ?? new DatasetInfo(DatasetInfo.CurrentFormat, new RecordId("exported"), Pacta.Store.Stores.IsPostgres(settings.DatabasePath) ? "Export of a PostgreSQL store" : $"Export of {Path.GetFileName(settings.DatabasePath)}", null, null);
        var records = Enum.GetValues<RecordKind>().Where(k => k != RecordKind.Obligation).SelectMany(store.All).ToList();
        var files = DatasetWriter.Write(settings.Directory, info, records);
        Output.Console.WriteLine($"Wrote {records.Count} records in {files.Count} files to {settings.Directory}.");
        return ExitCodes.Ok;
    }
}
