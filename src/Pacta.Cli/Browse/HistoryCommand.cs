using System.ComponentModel;
using Pacta.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Browse;

/// <summary><c>pacta history ID</c>: the changes recorded for one record, oldest first.</summary>
public sealed class HistoryCommand : Command<HistoryCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The id of a record.")]
        public string Id { get; init; } = "";
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        RecordId.IsValid(settings.Id) ? ValidationResult.Success() : ValidationResult.Error($"'{settings.Id}' is not a valid id");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var changes = store.History(new RecordId(settings.Id));
        if (changes.Count == 0) throw new CommandFailedException($"no change has been recorded for '{settings.Id}'");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "#", "recorded at (UTC)", "by", "change", "command" }) table.AddColumn(new TableColumn(new Text(header)));
        foreach (var change in changes)
        {
            table.AddRow(
                new Text(change.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(change.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                new Text(change.Author),
                new Text(Tables.Term(change.Operation)),
                new Text(change.Command));
        }
        Output.Console.Write(table);
        return ExitCodes.Ok;
    }
}
