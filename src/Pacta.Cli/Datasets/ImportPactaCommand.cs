using System.ComponentModel;
using Pacta.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Datasets;

/// <summary><c>pacta import pacta DIR</c>: check a dataset folder whole, then load it in one transaction, or load nothing.</summary>
public sealed class ImportPactaCommand : Command<ImportPactaCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The dataset folder.")]
        public string Directory { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var (dataset, problems) = DatasetReader.Check(settings.Directory, store.KindOf);
        if (problems.Any(p => p.Severity == Severity.Error)) throw new InvalidInputException(problems);
        if (problems.Count > 0) Problems.Print(problems);

        var summary = DatasetImport.Write(store, dataset!, StoreSettings.Context(context.Arguments));
        Output.Console.WriteLine(
            $"Imported {settings.Directory}: {summary.Created} created, {summary.Updated} updated, {summary.Unchanged} unchanged.");
        return ExitCodes.Ok;
    }
}
