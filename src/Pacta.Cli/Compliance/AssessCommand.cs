using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pacta.Compliance;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Compliance;

/// <summary>
/// <c>pacta assess OBLIGATION --status S [--score N] --as-of DATE --by ACTOR --evidence ID… --rationale TEXT
/// [--source ID…] [--note TEXT]</c>: records one assessor's view of an obligation in one transaction (with
/// history), then prints the obligation's derived state. Every value is checked before anything is written.
/// </summary>
public sealed class AssessCommand : Command<AssessCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<OBLIGATION>")]
        [Description("The id of the obligation assessed.")]
        public string Obligation { get; init; } = "";

        [CommandOption("--status <STATUS>")]
        [Description("not-started, in-progress, implemented, violated, disputed or lapsed.")]
        public string? Status { get; init; }

        [CommandOption("--score <N>")]
        [Description("PAM score: 0 not started, 1 minimal, 2 intermediate, 3 full. Leave it out to decline to score (a contested implementation, say).")]
        public string? Score { get; init; }

        [CommandOption("--as-of <DATE>")]
        [Description("The date the view is about: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY; not before the document existed, not in the future.")]
        public string? AsOf { get; init; }

        [CommandOption("--by <ACTOR>")]
        [Description("The assessor: the id of an actor. A bearer of the obligation may assess it; that is shown as a self-assessment.")]
        public string? By { get; init; }

        [CommandOption("--evidence <ID>")]
        [Description("An event, claim, source or document the view rests on. Repeat the option or separate ids with commas.")]
        public string[] Evidence { get; init; } = [];

        [CommandOption("--rationale <TEXT>")]
        [Description("Why the assessor reached this view, in a sentence or two.")]
        public string? Rationale { get; init; }

        [CommandOption("--source <ID>")]
        [Description("A source the assessment cites (repeat or comma-separate). Default: the evidence's own sources (a source given as evidence counts itself).")]
        public string[] Sources { get; init; } = [];

        [CommandOption("--note <TEXT>")]
        [Description("An editor's note.")]
        public string? Note { get; init; }

        [CommandOption("--json")]
        [Description("Print the obligation with its new state as JSON, in the shape the HTTP API serves.")]
        public bool Json { get; init; }
    }

    /// <summary>Missing options are usage errors (exit 2); values that are wrong are invalid input (exit 3).</summary>
    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        var missing = new[]
        {
            ("--status", settings.Status), ("--as-of", settings.AsOf), ("--by", settings.By), ("--rationale", settings.Rationale),
            ("--evidence", settings.Evidence.Length == 0 ? null : "given"),
        }.Where(o => string.IsNullOrWhiteSpace(o.Item2)).Select(o => o.Item1).ToList();
        return missing.Count == 0
            ? ValidationResult.Success()
            : ValidationResult.Error($"assess needs {string.Join(", ", missing)}");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var (assessment, found, warnings) = Check(settings, store, today);
        foreach (var warning in warnings) Console.Error.WriteLine($"pacta: warning: {warning}");

        var summary = store.Write([assessment], StoreSettings.Context(context.Arguments));
        var outcome = summary.Created == 1 ? "recorded" : summary.Updated == 1 ? "updated (the earlier version is in its history)" : "unchanged (the same view was already recorded)";

        var state = StateText.CaseOf(store).State(found.Obligation.Id, today);
        if (settings.Json)
        {
            Console.Out.WriteLine(Shapes.Write(Shapes.Obligation(found.Document, found.Provision, state, store.All<Assessment>())));
            return ExitCodes.Ok;
        }
        Output.Console.Write(new Text($"Assessment {assessment.Id} {outcome}.\n\n"));
        Output.Console.Write(StateText.Of(state, found.Document, Browse.Tables.ActorNames(store)));
        return ExitCodes.Ok;
    }

    /// <summary>Builds the assessment from the options and checks it against the store; every problem at once.</summary>
    private static (Assessment Assessment, ObligationInContext Found, IReadOnlyList<string> Warnings) Check(Settings settings, IStore store, DateOnly today)
    {
        var problems = new List<string>();
        var warnings = new List<string>();

        RecordId? IdOf(string option, string? text)
        {
            if (RecordId.IsValid(text)) return new RecordId(text!);
            problems.Add($"{option} '{text}': not an id (ids use lower-case letters, digits and single hyphens)");
            return null;
        }

        var obligationId = IdOf("OBLIGATION", settings.Obligation);
        var found = obligationId is null ? null : store.FindObligation(obligationId);
        if (obligationId is not null && found is null)
        {
            problems.Add(store.KindOf(obligationId) is { } kind
                ? $"OBLIGATION '{obligationId}' is {Article(kind)}, not an obligation"
                : $"OBLIGATION '{obligationId}': no obligation has this id (pacta list obligations)");
        }

        AssessmentStatus? status = null;
        var statuses = Enum.GetValues<AssessmentStatus>().ToDictionary(ObligationState.Term<AssessmentStatus>, s => s, StringComparer.Ordinal);
        if (statuses.TryGetValue(settings.Status!.Trim(), out var parsedStatus)) status = parsedStatus;
        else problems.Add($"--status '{settings.Status}': not a status; choose one of {string.Join(", ", statuses.Keys)}");

        PamScore? score = null;
        if (settings.Score is { } scoreText)
        {
            if (int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= PamScore.Full)
                score = new PamScore(value);
            else
                problems.Add($"--score '{scoreText}': a PAM score is 0 (not started), 1 (minimal), 2 (intermediate) or 3 (full); leave --score out to decline to score");
        }

        PartialDate? asOf = null;
        if (!PartialDate.TryParse(settings.AsOf, out var parsedDate, out var dateError)) problems.Add($"--as-of: {dateError}");
        else if (parsedDate.First > today) problems.Add($"--as-of {parsedDate}: in the future (today is {today:yyyy-MM-dd}); an assessment says how things stand at a date that has come");
        else asOf = parsedDate;

        var assessor = IdOf("--by", settings.By);
        if (assessor is not null && store.KindOf(assessor) is var assessorKind && assessorKind != RecordKind.Actor)
        {
            problems.Add(assessorKind is { } k
                ? $"--by '{assessor}' is {Article(k)}; the assessor must be an actor"
                : $"--by '{assessor}': no actor has this id (pacta list actors)");
            assessor = null;
        }

        var evidence = Ids("--evidence", settings.Evidence, problems);
        var evidenceRecords = new List<IRecord>();
        foreach (var id in evidence)
        {
            var record = store.Find(id);
            if (record is Event or Claim or Source or Document) evidenceRecords.Add(record);
            else if (record is not null) problems.Add($"--evidence '{id}' is {Article(record.Kind)}; evidence is an event, a claim, a source or a document");
            else if (store.KindOf(id) == RecordKind.Obligation) problems.Add($"--evidence '{id}' is an obligation; evidence is an event, a claim, a source or a document");
            else problems.Add($"--evidence '{id}': no record has this id");
        }

        var sources = Ids("--source", settings.Sources, problems);
        foreach (var id in sources.Where(id => store.KindOf(id) != RecordKind.Source))
            problems.Add($"--source '{id}': no source has this id (pacta list sources)");
        if (sources.Count == 0)
        {
            sources = [.. evidenceRecords.SelectMany(r => r is Source ? [r.Id] : r.Sources).Distinct()];
            if (sources.Count == 0 && evidenceRecords.Count > 0 && evidenceRecords.Count == evidence.Count)
                problems.Add("--source: the evidence cites no source; name one with --source");
        }

        var rationale = settings.Rationale!.Trim();
        if (problems.Count > 0) throw new InvalidArgumentsException(problems);

        var assessmentId = IdFor(found!.Obligation.Id, asOf!, assessor!);
        if (store.KindOf(assessmentId) is { } taken && taken != RecordKind.Assessment)
            throw new InvalidArgumentsException([$"the assessment's id '{assessmentId}' is already the id of {Article(taken)}"]);

        Assessment assessment;
        try
        {
            assessment = new Assessment(assessmentId, found.Obligation.Id, asOf!, status!.Value, score, rationale, evidence, assessor!, sources, settings.Note);
        }
        catch (ArgumentException e)
        {
            throw new InvalidArgumentsException([e.Message]);
        }
        if (AssessmentRules.BeforeDocument(assessment, found.Document) is { } early)
            throw new InvalidArgumentsException([$"--as-of: {early}"]);
        if (AssessmentRules.IsSelfAssessment(assessment, found.Obligation))
            warnings.Add(AssessmentRules.SelfAssessmentWarning(assessment) + "; it is recorded and shown as a self-assessment");
        return (assessment, found, warnings);
    }

    /// <summary>
    /// A readable id that the same view always gets: <c>assess-OBLIGATION-DATE-ASSESSOR</c>. The same assessor's
    /// view of the same obligation at the same date is one record, so recording it again updates it (with history).
    /// Too long for an id, it is cut and given a short hash of the whole so that it stays unique.
    /// </summary>
    public static RecordId IdFor(RecordId obligation, PartialDate asOf, RecordId assessor)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(asOf);
        ArgumentNullException.ThrowIfNull(assessor);
        var full = $"assess-{obligation}-{asOf.ToString().ToLowerInvariant()}-{assessor}";
        if (full.Length <= RecordId.MaxLength) return new RecordId(full);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..8];
        var kept = full[..(RecordId.MaxLength - hash.Length - 1)].TrimEnd('-');
        return new RecordId($"{kept}-{hash}");
    }

    private static List<RecordId> Ids(string option, IEnumerable<string> values, List<string> problems)
    {
        var ids = new List<RecordId>();
        foreach (var text in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!RecordId.IsValid(text)) problems.Add($"{option} '{text}': not an id (ids use lower-case letters, digits and single hyphens)");
            else if (!ids.Contains(new RecordId(text))) ids.Add(new RecordId(text));
        }
        return ids;
    }

    private static string Article(RecordKind kind)
    {
        var term = ObligationState.Term(kind);
        return (term[0] is 'a' or 'e' or 'i' or 'o' ? "an " : "a ") + term;
    }
}
