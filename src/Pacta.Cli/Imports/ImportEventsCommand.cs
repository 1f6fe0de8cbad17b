using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Pacta.Datasets;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Imports;

/// <summary>Options of <c>pacta import acled|ucdp|plover</c>.</summary>
public class ImportEventsSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The file: ACLED or UCDP GED CSV, or PLOVER JSON Lines.")]
    public string File { get; init; } = "";

    [CommandOption("--on-error <MODE>")]
    [Description("stop (default): the first bad row ends the import and nothing is written. skip: good rows are written in batches, bad ones listed in --rejects.")]
    [DefaultValue("stop")]
    public string OnError { get; init; } = "stop";

    [CommandOption("--rejects <FILE>")]
    [Description("With --on-error skip: where the refused rows go, with their reasons (default: FILE.rejects.csv, or .jsonl for PLOVER).")]
    public string? Rejects { get; init; }

    [CommandOption("--batch <ROWS>")]
    [Description("With --on-error skip: rows per committed transaction (default 10000). A crash loses at most one batch; running the import again completes it.")]
    [DefaultValue(10_000)]
    public int Batch { get; init; } = 10_000;

    [CommandOption("--match-days <DAYS>")]
    [Description("Rows of another dataset match an event whose dates lie at most this many days apart (default 1).")]
    [DefaultValue(1)]
    public int MatchDays { get; init; } = 1;

    [CommandOption("--match-km <KM>")]
    [Description("… and whose points lie at most this far apart, plus an allowance for vague points (default 10).")]
    [DefaultValue(10.0)]
    public double MatchKm { get; init; } = 10;

    [CommandOption("--no-match")]
    [Description("Never join rows to events of another dataset: every new row makes its own event.")]
    public bool NoMatch { get; init; }

    [CommandOption("--source <ID>")]
    [Description("The source record events cite (default: one made for the dataset: acled, ucdp-ged or plover).")]
    public string? Source { get; init; }

    public OnError Mode => OnError.Equals("skip", StringComparison.OrdinalIgnoreCase) ? Pacta.Imports.OnError.Skip : Pacta.Imports.OnError.Stop;

    public override ValidationResult Validate()
    {
        if (!OnError.Equals("stop", StringComparison.OrdinalIgnoreCase) && !OnError.Equals("skip", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--on-error: '{OnError}' is neither stop nor skip");
        if (Rejects is not null && Mode == Pacta.Imports.OnError.Stop) return ValidationResult.Error("--rejects needs --on-error skip: with stop, the first bad row ends the import");
        if (Batch is < 1 or > 1_000_000) return ValidationResult.Error($"--batch: {Batch} is outside 1..1000000");
        if (MatchDays is < 0 or > 366) return ValidationResult.Error($"--match-days: {MatchDays} is outside 0..366");
        if (!double.IsFinite(MatchKm) || MatchKm is < 0 or > 1000) return ValidationResult.Error($"--match-km: {MatchKm} is outside 0..1000");
        if (Source is not null && !RecordId.IsValid(Source)) return ValidationResult.Error($"--source: '{Source}' is not a valid id");
        return ValidationResult.Success();
    }
}

/// <summary>Options of <c>pacta import acled</c>, which can also apply ACLED's list of deleted events.</summary>
public sealed class ImportAcledSettings : ImportEventsSettings
{
    [CommandOption("--deleted <FILE>")]
    [Description("ACLED's deleted events (CSV with event_id_cnty): each is taken out after the rows are imported.")]
    public string? Deleted { get; init; }
}

public sealed class ImportAcledCommand : Command<ImportAcledSettings>
{
    public override int Execute(CommandContext context, ImportAcledSettings settings, CancellationToken cancellationToken) =>
        EventImportRun.Run(context, settings, EventDataset.Acled, settings.Deleted);
}

public sealed class ImportUcdpCommand : Command<ImportEventsSettings>
{
    public override int Execute(CommandContext context, ImportEventsSettings settings, CancellationToken cancellationToken) =>
        EventImportRun.Run(context, settings, EventDataset.Ucdp, null);
}

public sealed class ImportPloverCommand : Command<ImportEventsSettings>
{
    public override int Execute(CommandContext context, ImportEventsSettings settings, CancellationToken cancellationToken) =>
        EventImportRun.Run(context, settings, EventDataset.Plover, null);
}

/// <summary>
/// One import of an event file (docs/importing.md): rows are read and mapped one at a time, their actors matched
/// or made, and each written through <see cref="IEventImport"/>. With <c>--on-error stop</c> everything
/// is one transaction, so a bad row (or a crash) leaves the store as it was; with <c>skip</c> each batch is
/// committed, and running the import again skips what is already in (same digest) and completes the rest.
/// </summary>
internal static class EventImportRun
{
    private const long ProgressFrom = 1 << 20;

    public static int Run(CommandContext context, ImportEventsSettings settings, EventDataset dataset, string? deleted)
    {
        InputFiles.Require(settings.File, deleted);
        using var store = settings.OpenExisting();
        var matcher = new ActorMatcher(store.All<Actor>(), ActorNameRules.EventDatasets);
        EventFile file;
        try
        {
            file = EventFile.Open(settings.File, dataset);
        }
        catch (ImportFileException e)
        {
            throw Invalid(e.Problem);
        }
        using (file)
        {
            var watch = Stopwatch.StartNew();
            var counts = new Counts();
            var rejectsPath = settings.Rejects ?? settings.File + (dataset == EventDataset.Plover ? ".rejects.jsonl" : ".rejects.csv");
            using var rejects = settings.Mode == OnError.Skip ? new RejectsFile(rejectsPath) : null;
            if (file.Header is { } header) rejects?.Header(header);
            var matching = settings.NoMatch ? null : new EventMatching(settings.MatchDays, settings.MatchKm);
            using (var import = store.BeginEventImport(StoreSettings.Context(context.Arguments), matching, batched: settings.Mode == OnError.Skip))
            {
                var source = settings.Source is { } given ? new RecordId(given) : DatasetSource(import, dataset);
                if (store.KindOf(source) is not RecordKind.Source) throw new InvalidArgumentsException([$"--source: '{source}' is not a source in the store"]);
                WithProgress(file, tick =>
                {
                    // Rows are read, mapped and made ready to write on a thread of their own, ahead of the writes; the
                    // store takes them a batch at a time, and refuses or writes each in the file's order.
                    var pending = new List<(EventFileRow Row, ReadyEvent Event)>();
                    void Reject(EventFileRow row, ImportProblem problem)
                    {
                        if (rejects is null) throw Invalid(problem);
                        counts.Rejected++;
                        if (row.Text is { } text) rejects.Line(text, problem);
                        else rejects.Row(row.Fields ?? [], problem);
                    }
                    void WritePending()
                    {
                        if (pending.Count == 0) return;
                        var outcomes = import.Put(pending.ConvertAll(p => p.Event));
                        for (var i = 0; i < outcomes.Count; i++)
                        {
                            if (outcomes[i].Action == ImportAction.Refused) Reject(pending[i].Row, new ImportProblem(settings.File, pending[i].Row.Event!.Line, 1, outcomes[i].Reason!));
                            else counts.Add(outcomes[i].Action);
                        }
                        pending.Clear();
                    }

                    var ready = file.Rows().Select(row => Ready(import, row, matcher, dataset, source));
                    foreach (var batch in ReadAhead.Batches(ready))
                    {
                        foreach (var (row, madeActors, @event) in batch)
                        {
                            counts.Read++;
                            if (@event is not null)
                            {
                                foreach (var actor in madeActors)
                                {
                                    if (import.Ensure(actor)) counts.ActorsCreated++;
                                }
                                pending.Add((row, @event));
                            }
                            else
                            {
                                WritePending();
                                Reject(row, row.Problem!);
                            }
                            if (counts.Read % settings.Batch == 0)
                            {
                                WritePending();
                                import.Checkpoint();
                                tick(counts.Read);
                            }
                        }
                        // Ready rows go to the store as many at a time as it asks (fewer when a rejected row or a
                        // checkpoint comes first): a PostgreSQL store pays its statements per call, a file does not.
                        if (pending.Count >= import.RowsPerPut) WritePending();
                    }
                    WritePending();
                    tick(counts.Read);
                });
                if (deleted is not null) counts.Deleted = ApplyDeletions(import, deleted);
                import.Complete();
            }
            rejects?.Complete();
            Report(settings, dataset, counts, watch.Elapsed, rejects is { Count: > 0 } ? rejectsPath : null);
        }
        return ExitCodes.Ok;
    }

    /// <summary>A row with its actors matched (and those made for names nothing matched) and its event ready to write.</summary>
    private static (EventFileRow Row, List<Actor> MadeActors, ReadyEvent? Event) Ready(IEventImport import, EventFileRow row, ActorMatcher matcher, EventDataset dataset, RecordId source)
    {
        if (row.Event is not { } imported) return (row, [], null);
        var made = new List<Actor>();
        var actors = new List<EventActor>(imported.Actors.Count);
        foreach (var named in imported.Actors)
        {
            var (id, created) = matcher.Resolve(named.Name, dataset, source);
            if (created is not null) made.Add(created);
            if (!actors.Exists(a => a.Actor == id)) actors.Add(new EventActor(id, named.Role));
        }
        return (row, made, import.Ready(imported.ToEvent(actors, source)));
    }

    /// <summary>The source record the dataset's rows cite, made the first time.</summary>
    private static RecordId DatasetSource(IEventImport import, EventDataset dataset)
    {
        var source = dataset switch
        {
            EventDataset.Acled => new Source(new RecordId("acled"), SourceKind.Dataset, "Armed Conflict Location & Event Data (ACLED)", "ACLED", null, null, null, "en",
                new Uri("https://acleddata.com/"), Reliability.B, "Events coded from media, NGO and official reports; each row names its own sources. Rows are edited and deleted upstream."),
            EventDataset.Ucdp => new Source(new RecordId("ucdp-ged"), SourceKind.Dataset, "UCDP Georeferenced Event Dataset (GED)", "Uppsala Conflict Data Program", null, null, null, "en",
                new Uri("https://ucdp.uu.se/downloads/"), Reliability.B, "Events of organised violence with at least one death, coded from news and reports; deaths as low, best and high estimates."),
            _ => new Source(new RecordId("plover"), SourceKind.Dataset, "PLOVER-coded event data", null, null, null, null, "en",
                null, Reliability.C, "Political events coded in the PLOVER ontology, often by machine from news text."),
        };
        import.Ensure(source);
        return source.Id;
    }

    private static int ApplyDeletions(IEventImport import, string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        var records = CsvRecords.Open(stream);
        var first = records.Next() ?? throw Invalid(new ImportProblem(path, 1, 1, "the file is empty: it needs a header with event_id_cnty"));
        CsvColumns columns;
        try
        {
            columns = CsvColumns.Read(path, first, ["event_id_cnty"]);
        }
        catch (ImportFileException e)
        {
            throw Invalid(e.Problem);
        }
        var deleted = 0;
        while (records.Next() is { } record)
        {
            if (record.Problem is not null) throw Invalid(new ImportProblem(path, record.ProblemAt.Line, record.ProblemAt.Column, record.Problem));
            if (record.Fields is [""]) continue;
            var key = columns.Get(record, "event_id_cnty");
            if (key.Length == 0) throw Invalid(new ImportProblem(path, record.Line, columns.At(record, "event_id_cnty").Column, "event_id_cnty is empty"));
            if (import.Remove(EventDataset.Acled, key)) deleted++;
        }
        return deleted;
    }

    private static void WithProgress(EventFile file, Action<Action<long>> work)
    {
        if (file.Length < ProgressFrom || Console.IsErrorRedirected)
        {
            work(_ => { });
            return;
        }
        ProgressBars.Run("reading", file.Length, task =>
        {
            var watch = Stopwatch.StartNew();
            work(rows =>
            {
                task.Value = file.Position;
                var rate = rows / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                task.Description = $"{rows.ToString("N0", CultureInfo.InvariantCulture)} rows, {rate.ToString("N0", CultureInfo.InvariantCulture)}/s";
            });
            task.Value = file.Length;
        });
    }

    private static void Report(ImportEventsSettings settings, EventDataset dataset, Counts counts, TimeSpan elapsed, string? rejectsPath)
    {
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var rate = counts.Read / Math.Max(elapsed.TotalSeconds, 0.001);
        Console.WriteLine(
            $"{settings.File}: {N(counts.Read)} {dataset.ToString().ToLowerInvariant()} rows read in {elapsed.TotalSeconds:0.0} s ({N((long)rate)} rows/s): " +
            $"{N(counts.Created)} created, {N(counts.Updated)} updated, {N(counts.Linked)} linked to another dataset's event, {N(counts.Unchanged)} unchanged, {N(counts.Rejected)} rejected" +
            (counts.Deleted > 0 ? $", {N(counts.Deleted)} deleted upstream and taken out" : "") +
            (counts.ActorsCreated > 0 ? $"; {N(counts.ActorsCreated)} actors made" : "") + ".");
        if (rejectsPath is not null) Console.WriteLine($"Rejected rows and their reasons: {rejectsPath}");
    }

    private static InvalidInputException Invalid(ImportProblem problem) =>
        new([new Problem(problem.File, (int)Math.Min(problem.Line, int.MaxValue), problem.Column, problem.Reason)]);

    private sealed class Counts
    {
        public long Read;
        public long Created;
        public long Updated;
        public long Linked;
        public long Unchanged;
        public long Rejected;
        public long Deleted;
        public long ActorsCreated;

        public void Add(ImportAction action)
        {
            switch (action)
            {
                case ImportAction.Created: Created++; break;
                case ImportAction.Updated: Updated++; break;
                case ImportAction.Linked: Linked++; break;
                case ImportAction.Unchanged: Unchanged++; break;
            }
        }
    }
}
