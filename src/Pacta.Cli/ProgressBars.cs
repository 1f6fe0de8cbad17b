using Spectre.Console;

namespace Pacta.Cli;

/// <summary>The one progress bar the long commands show (generate, import, export): on stderr, with the time gone and the time left.</summary>
internal static class ProgressBars
{
    public static void Run(string label, double maxValue, Action<ProgressTask> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress => work(progress.AddTask(label, maxValue: maxValue)));
    }
}
