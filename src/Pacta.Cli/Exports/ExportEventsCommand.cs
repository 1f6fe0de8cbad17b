using System.ComponentModel;
using System.Globalization;
using System.Text;
using Pacta.Exports;
using Pacta.Model;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Exports;

/// <summary>Options of <c>pacta export acled|plover|hxl|csv</c>: the file, and the same filters as the API's events query.</summary>
public sealed class ExportEventsSettings : ReadingSettings
{
    [CommandOption("--out <FILE>")]
    [Description("The file to write (written whole under a temporary name, then moved into place).")]
    public string Out { get; init; } = "";

    [CommandOption("--from <DATE>")]
    [Description("Events that may have run on or after this day (YYYY-MM-DD).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Events that may have started on or before this day (YYYY-MM-DD).")]
    public string? To { get; init; }

    [CommandOption("--bbox <W,S,E,N>")]
    [Description("Events with a point in the box, or whose place meets it (degrees, WGS 84).")]
    public string? Bbox { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("An event type and its sub-types: acled:Battles, acled:Battles/Armed clash, plover:CONSULT, cameo:046, ucdp:state-based.")]
    public string? Type { get; init; }

    [CommandOption("--actor <ID>")]
    [Description("Events this actor took part in.")]
    public string? Actor { get; init; }

    [CommandOption("--meetings")]
    [Description("Only meetings.")]
    public bool Meetings { get; init; }

    [CommandOption("--no-meetings")]
    [Description("Only events that are not meetings.")]
    public bool NoMeetings { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out FILE is required");
        if (Directory.Exists(Out)) return ValidationResult.Error($"--out: '{Out}' is a folder, not a file name");
        if (Meetings && NoMeetings) return ValidationResult.Error("--meetings and --no-meetings exclude each other: give one or neither");
        return ValidationResult.Success();
    }

    /// <summary>The filter, read by the same code as the API's query; every bad value named (exit 3).</summary>
    internal EventFilter Filter(IStore store)
    {
        var problems = new List<string>();
        var filter = EventFilterText.Read(EventFilterNames.Options, From, To, Bbox, Type, Actor, Meetings ? true : NoMeetings ? false : null,
            (name, message) => problems.Add($"{name}: {message}"));
        if (filter.Actor is { } actor && store.KindOf(actor) != RecordKind.Actor)
            problems.Add($"--actor: the store holds no actor '{actor}' (pacta list actors shows them)");
        if (problems.Count > 0) throw new InvalidArgumentsException(problems);
        return filter;
    }
}

/// <summary>
/// <c>pacta export acled|plover|hxl|csv --out FILE [filters]</c>: a filtered selection of events in a
/// dataset's format (docs/exports.md), read from the store a page at a time and written row by row.
/// </summary>
public sealed class ExportEventsCommand : Command<ExportEventsSettings>
{
    private const long ProgressFrom = 100_000;

    public override int Execute(CommandContext context, ExportEventsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var format = EventExport.Parse(context.Name) ?? throw new UsageException($"'{context.Name}' is not an event export format");
        using var store = settings.OpenForReading();
        var filter = settings.Filter(store);

        var written = OutFile.Write(settings.Out, "--out", writer => WithProgress(store, filter, format, writer, cancellationToken));

        var events = written.Events.ToString("N0", CultureInfo.InvariantCulture);
        var rows = written.Rows == written.Events ? "" : $" in {written.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows";
        Output.Console.WriteLine($"Wrote {events} event{(written.Events == 1 ? "" : "s")}{rows} as {context.Name} to {settings.Out}.");
        foreach (var withheld in written.Withheld) Output.Console.WriteLine($"Disclosure gate: {withheld}.");
        return ExitCodes.Ok;
    }

    private static EventFileExport.Written WithProgress(IStore store, EventFilter filter, EventExportFormat format, TextWriter writer, CancellationToken cancellation)
    {
        // The bar goes to stderr, and only to a terminal, for exports big enough to wait for.
        var total = Console.IsErrorRedirected ? 0 : store.CountEvents(filter);
        if (total < ProgressFrom) return EventFileExport.Write(store, filter, format, writer, cancellation: cancellation);
        EventFileExport.Written written = default;
        ProgressBars.Run("events", total, task => written = EventFileExport.Write(store, filter, format, writer, done => task.Value = done, cancellation));
        return written;
    }
}

/// <summary>Events of a filter written in a format, read from the store a page (keyset cursor) at a time: memory stays flat however many there are.</summary>
public static class EventFileExport
{
    public readonly record struct Written(long Events, long Rows, IReadOnlyList<string> Withheld);

    public static Written Write(IStore store, EventFilter filter, EventExportFormat format, TextWriter writer,
        Action<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(writer);
        var export = EventExport.For(format, writer, new LinkedRecords(store.Find));
        export.WriteHeader();
        long events = 0, rows = 0;
        string? cursor = null;
        do
        {
            cancellation.ThrowIfCancellationRequested();
            var page = store.QueryEvents(filter, Stores.MaxPageSize, cursor);
            foreach (var item in page.Events) rows += export.Write(item);
            events += page.Events.Count;
            progress?.Invoke(events);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return new Written(events, rows, export.Withheld);
    }
}
