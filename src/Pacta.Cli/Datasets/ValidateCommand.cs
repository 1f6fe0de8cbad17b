using System.ComponentModel;
using Pacta.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Datasets;

/// <summary><c>pacta validate DIR</c>: every problem of a dataset folder, located; exit 3 if any is an error.</summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The dataset folder.")]
        public string Directory { get; init; } = "";

        [CommandOption("--verbose")]
        [Description("Show details (stack traces) of failures.")]
        public bool Verbose { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (dataset, problems) = DatasetReader.Check(settings.Directory);
        if (problems.Any(p => p.Severity == Severity.Error))
        {
            Problems.Print(problems);
            return ExitCodes.InvalidInput;
        }
        if (problems.Count > 0) Problems.Print(problems);
        var counts = dataset!.Records.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}s");
        Output.Console.WriteLine($"{settings.Directory}: valid ({string.Join(", ", counts)}).");
        return ExitCodes.Ok;
    }
}
