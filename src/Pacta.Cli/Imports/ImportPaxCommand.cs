using System.ComponentModel;
using Pacta.Datasets;
using Pacta.Imports;
using Pacta.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Imports;

/// <summary>
/// <c>pacta import pax FILE [--process TEXT] [--on-error stop|skip] [--rejects FILE]</c>: PA-X agreement rows as
/// documents (docs/importing.md, PA-X). The file is read and checked whole, then every document, new actor and the
/// PA-X source are written in one transaction. With <c>stop</c> the first bad row ends the import and nothing is
/// written; with <c>skip</c> the good rows land and the bad ones go to the rejects file.
/// </summary>
public sealed class ImportPaxCommand : Command<ImportPaxCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The PA-X CSV file (UTF-8, with or without a byte-order mark).")]
        public string File { get; init; } = "";

        [CommandOption("--process <TEXT>")]
        [Description("Keep only the rows whose PPName or Con contains TEXT (case ignored).")]
        public string? Process { get; init; }

        [CommandOption("--on-error <MODE>")]
        [Description("stop (default): the first bad row ends the import and nothing is written; skip: import the good rows, list the bad ones.")]
        public string OnError { get; init; } = "stop";

        [CommandOption("--rejects <FILE>")]
        [Description("With --on-error skip: write the refused rows here, as the input's columns plus pacta_error.")]
        public string? Rejects { get; init; }

        public OnError Mode => OnError.ToLowerInvariant() == "skip" ? Pacta.Imports.OnError.Skip : Pacta.Imports.OnError.Stop;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(File)) return ValidationResult.Error("give the PA-X file to import");
            if (OnError.ToLowerInvariant() is not ("stop" or "skip")) return ValidationResult.Error($"--on-error: '{OnError}' is neither stop nor skip");
            if (Process is not null && Process.Trim().Length == 0) return ValidationResult.Error("--process: give the text a process's PPName or Con contains");
            if (Rejects is not null && Mode != Pacta.Imports.OnError.Skip) return ValidationResult.Error("--rejects goes with --on-error skip: with stop nothing is imported and the error names the row");
            if (Rejects is not null && Directory.Exists(Rejects)) return ValidationResult.Error($"--rejects: '{Rejects}' is a folder");
            if (Rejects is not null && Path.GetDirectoryName(Path.GetFullPath(Rejects)) is { } folder && !Directory.Exists(folder))
                return ValidationResult.Error($"--rejects: the folder '{folder}' does not exist");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        InputFiles.Require(settings.File);
        using var store = settings.OpenExisting();

        PaxReading reading;
        try
        {
            using var stream = File.OpenRead(settings.File);
            reading = PaxFile.Read(stream, settings.File, settings.Process?.Trim());
        }
        catch (ImportFileException e)
        {
            throw new InvalidInputException([ToProblem(e.Problem)]);
        }

        if (settings.Process is { } process && reading.Rows.Count == 0 && reading.Rejected.Count == 0 && reading.LeftOut > 0)
        {
            var known = reading.ProcessNames.Take(12).ToList();
            throw new InvalidArgumentsException([
                $"--process '{process}': no row of {settings.File} has it in PPName or Con; the file's processes include {string.Join("; ", known)}{(reading.ProcessNames.Count > known.Count ? " …" : "")}"]);
        }
        if (settings.Mode == OnError.Stop && reading.Rejected.Count > 0)
            throw new InvalidInputException([ToProblem(reading.Rejected[0].Problem)]);

        var plan = PaxImport.Plan(reading.Rows, new PaxStoreView(store.All<Actor>(), store.All<Document>(), store.KindOf));

        using var rejects = settings.Rejects is null ? null : new RejectsFile(settings.Rejects);
        if (rejects is not null)
        {
            rejects.Header(reading.Header);
            foreach (var row in reading.Rejected) rejects.Row(row.Fields, row.Problem);
        }
        foreach (var row in reading.Rejected) Console.Error.WriteLine(row.Problem);

        var summary = store.Write(plan.Records, StoreSettings.Context(context.Arguments));
        rejects?.Complete();

        foreach (var reference in plan.UnresolvedReferences) Console.Error.WriteLine($"note: {reference}");
        var documents = reading.Rows.Count;
        Output.Console.WriteLine(
            $"Imported {settings.File}: {documents} agreement{(documents == 1 ? "" : "s")}"
            + (settings.Process is null ? "" : $" of the process '{settings.Process.Trim()}' ({reading.LeftOut} other row{(reading.LeftOut == 1 ? "" : "s")} left out)")
            + $", {plan.NewActors.Count} new actor{(plan.NewActors.Count == 1 ? "" : "s")}, {plan.Links} link{(plan.Links == 1 ? "" : "s")} between agreements.");
        Output.Console.WriteLine(
            $"Records: {summary.Created} created, {summary.Updated} updated, {summary.Unchanged} unchanged; "
            + $"{reading.Rejected.Count} row{(reading.Rejected.Count == 1 ? "" : "s")} rejected"
            + (rejects is null || reading.Rejected.Count == 0 ? "." : $" (in {settings.Rejects})."));
        return ExitCodes.Ok;
    }

    private static Problem ToProblem(ImportProblem problem) =>
        new(problem.File, (int)Math.Min(problem.Line, int.MaxValue), problem.Column, problem.Reason);
}
