using System.ComponentModel;
using Pacta.Model;
using Pacta.Reports;
using Pacta.Reports.Briefing;
using Pacta.Reports.Compliance;
using Pacta.Reports.Content;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Reports;

/// <summary>Options both reports share: the format and where the report goes.</summary>
public class ReportSettings : ReadingSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("html, md or docx. Default: from --out's extension, else html.")]
    public string? Format { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Where to write the report. Default: html and md to standard output; docx to NAME-DATE.docx in the current folder.")]
    public string? Out { get; init; }

    public ValidationResult Check(params (string Option, string? Value)[] dates)
    {
        foreach (var (option, value) in dates)
            if (value is not null && !PartialDate.TryParse(value, out _, out var error))
                return ValidationResult.Error($"{option} '{value}' is not a date ({error}); write YYYY-MM-DD (or YYYY-MM, YYYY for the last day of it)");
        if (Format is not null && ReportFormats.Parse(Format) is null)
            return ValidationResult.Error($"--format '{Format}' is not a report format; use html, md or docx");
        if (Out is { Length: 0 }) return ValidationResult.Error("--out needs a file name");
        if (Out is not null && Format is not null && ReportFormats.FromExtension(Out) is { } fromName && fromName != ReportFormats.Parse(Format))
            return ValidationResult.Error($"--out '{Out}' has the extension of {ReportFormats.Name(fromName)} but --format is {Format}");
        return ValidationResult.Success();
    }

    public ReportFormat ChosenFormat =>
        (Format is not null ? ReportFormats.Parse(Format) : null) ?? (Out is not null ? ReportFormats.FromExtension(Out) : null) ?? ReportFormat.Html;

    /// <summary>The last day a date given on the command line may stand for (a year stands for its 31 December); today when none is given.</summary>
    public static DateOnly DateOr(string? value) =>
        value is null ? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime) : PartialDate.Parse(value).Last;

    /// <summary>Every record of the store, for a report to read.</summary>
    public CaseRecords Records()
    {
        using var store = OpenForReading();
        return new CaseRecords(Enum.GetValues<RecordKind>().Where(k => k != RecordKind.Obligation).SelectMany(store.All));
    }

    /// <summary>Checks that --out can be written before any work is done: it is not a folder, and its folder exists and takes a new file.</summary>
    public void CheckOut()
    {
        if (Out is null) return;
        var full = Path.GetFullPath(Out);
        if (Directory.Exists(full)) throw new UsageException($"--out '{Out}' is a folder; name a file");
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new UsageException($"--out '{Out}': the folder {folder} does not exist");
        var probe = Path.Combine(folder, $".pacta-{Guid.NewGuid():N}.tmp");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{Out}': cannot write in {folder}: {e.Message}");
        }
    }

    public int Write(Report report, string defaultName)
    {
        var format = ChosenFormat;
        var written = ReportOutput.Write(report, format, Out, Console.Out, defaultName);
        if (written is not null) Console.Error.WriteLine($"Wrote {written}");
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta report compliance</c>: roll-ups, obligations, assessors' views and their evidence as of a date.</summary>
public sealed class ComplianceReportCommand : Command<ComplianceReportCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("--as-of <DATE>")]
        [Description("The date the report describes (default today).")]
        public string? AsOf { get; init; }

        [CommandOption("--document <ID>")]
        [Description("Only this document (default: every document with obligations).")]
        public string? Document { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        if (settings.Document is not null && !RecordId.IsValid(settings.Document))
            return ValidationResult.Error($"--document '{settings.Document}' is not a valid id: ids use lower-case letters, digits and single hyphens");
        return settings.Check(("--as-of", settings.AsOf));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.CheckOut();
        var asOf = ReportSettings.DateOr(settings.AsOf);
        var records = settings.Records();
        RecordId? document = settings.Document is null ? null : new RecordId(settings.Document);
        if (document is not null && !records.Documents.Any(d => d.Id == document))
            throw new InvalidArgumentsException([$"--document '{document}': the store has no such document; 'pacta list documents' lists them"]);
        var report = ComplianceReport.Build(records, asOf, document);
        return settings.Write(report, $"compliance-{(document is null ? "" : document.Value + "-")}{Words.Date(asOf)}");
    }
}

/// <summary><c>pacta report briefing</c>: what a mediator reads before a round.</summary>
public sealed class BriefingReportCommand : Command<BriefingReportCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("--before <DATE>")]
        [Description("The date of the round: the briefing covers the days before it and the deadlines after (default today).")]
        public string? Before { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) => settings.Check(("--before", settings.Before));

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.CheckOut();
        var before = ReportSettings.DateOr(settings.Before);
        var report = BriefingReport.Build(settings.Records(), before);
        return settings.Write(report, $"briefing-{Words.Date(before)}");
    }
}
