using System.Globalization;
using System.Text.RegularExpressions;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>What the PA-X import needs to know of the store: its actors and documents, and the kind of any id.</summary>
public sealed record PaxStoreView(IReadOnlyList<Actor> Actors, IReadOnlyList<Document> Documents, Func<RecordId, RecordKind?> KindOf);

/// <summary>The records one PA-X import writes (in one transaction), and what it could not resolve.</summary>
public sealed record PaxPlan(IReadOnlyList<IRecord> Records, IReadOnlyList<Actor> NewActors, int Links, IReadOnlyList<string> UnresolvedReferences);

/// <summary>
/// Maps checked PA-X rows to the model, without a store (docs/importing.md, PA-X):
/// <list type="bullet">
/// <item>each row is a document keyed by its <c>AgtId</c> (<see cref="Document.PaxId"/>); a new one gets the id
/// <c>pax-agreement-N</c>. A document that cites only the <c>pa-x</c> source is the import's own and follows the
/// row; one that cites other sources too was curated, and the import only fills what it lacks;</item>
/// <item><c>Part</c> names the parties, <c>ThrdPart</c> the third parties (mediators, guarantors or, where the
/// text says no role, witnesses); each is matched with an actor of the store or of this import, else created;</item>
/// <item><c>OthAgr</c> becomes links to the agreements it names that are in the file or the store;</item>
/// <item><c>PP</c>/<c>PPName</c> become the document's <see cref="Document.Process"/>.</item>
/// </list>
/// </summary>
public static partial class PaxImport
{
    public static readonly RecordId SourceId = new("pa-x");

    /// <summary>
    /// The dataset every imported record cites. Graded B, usually reliable: PA-X reproduces the agreements' texts,
    /// but its coding (stage, parties, status) is a research team's reading, not the parties' own words.
    /// </summary>
    public static Source DatasetSource { get; } = new(
        SourceId, SourceKind.Dataset, "PA-X Peace Agreements Database",
        "University of Edinburgh, PeaceRep (PA-X)", null, null, null, "en", new Uri("https://www.peaceagreements.org/"),
        Reliability.B,
        "Agreement records (AgtId) with their texts, parties, stages and status. Reliability B: the texts are the agreements' own; the coding is the research team's.");

    public static PaxPlan Plan(IReadOnlyList<PaxRow> rows, PaxStoreView store)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(store);
        var records = new List<IRecord>();
        if (rows.Count > 0 && store.KindOf(SourceId) is null) records.Add(DatasetSource);

        var byPaxId = store.Documents.Where(d => d.PaxId is not null).GroupBy(d => d.PaxId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Id).First());
        var taken = new HashSet<RecordId>();
        var ids = new Dictionary<int, RecordId>();
        foreach (var row in rows)
        {
            if (byPaxId.TryGetValue(row.AgtId, out var existing))
            {
                ids[row.AgtId] = existing.Id;
                continue;
            }
            ids[row.AgtId] = FreeId($"pax-agreement-{row.AgtId.ToString(CultureInfo.InvariantCulture)}", store, taken);
        }

        var titles = new Titles(rows, ids, store.Documents);
        var actors = new ActorDirectory(store, taken);
        var unresolved = new List<string>();
        var links = 0;
        foreach (var row in rows)
        {
            var id = ids[row.AgtId];
            var stored = byPaxId.GetValueOrDefault(row.AgtId);
            var owned = stored is null || Owned(stored);
            // A curated document's signatories stand; PA-X's are taken only where it lists none.
            var signatories = new List<Signatory>();
            if (owned || stored!.Signatories.Count == 0)
            {
                foreach (var party in PaxParties.Split(row.Parties))
                    Add(signatories, actors.Signatory(party, SignatoryRole.Party, row.AgtId));
                foreach (var party in PaxParties.Split(row.ThirdParties))
                    Add(signatories, actors.Signatory(party, party.Role ?? SignatoryRole.Witness, row.AgtId));
            }
            var (documentLinks, notFound) = Links(row, id, titles);
            unresolved.AddRange(notFound.Select(n => $"agreement {row.AgtId} (line {row.Line}): OthAgr names '{PaxFile.Shorten(n)}', which is not in the file or the store"));
            links += documentLinks.Count;
            records.Add(owned
                ? Imported(row, id, stored, signatories, documentLinks, notFound)
                : Completed(row, stored!, signatories, documentLinks));
        }
        records.InsertRange(0, actors.Created);
        return new PaxPlan(records, actors.Created, links, unresolved);
    }

    /// <summary>A document is the import's own when PA-X is all it cites.</summary>
    public static bool Owned(Document document) => document.Sources is [var only] && only == SourceId;

    private static void Add(List<Signatory> signatories, Signatory signatory)
    {
        // An actor listed as a party and again as a third party keeps its first role.
        if (signatories.All(s => s.Actor != signatory.Actor)) signatories.Add(signatory);
    }

    private static Document Imported(PaxRow row, RecordId id, Document? stored, List<Signatory> signatories, List<DocumentLink> links, List<string> notFound)
    {
        var kept = stored?.Dates ?? DocumentDates.None;
        var dates = row.Status == PaxStatus.Unilateral
            ? kept with { Signed = null, Announced = row.Date }
            : kept with { Signed = row.Date, Announced = null };
        return new Document(
            id, KindOf(row), row.Title, stored?.ShortTitle, row.Stage, StatusOf(row.Status), dates, row.AgtId,
            signatories, links, stored?.Texts ?? [], stored?.Provisions ?? [], [SourceId], NoteOf(row, notFound), row.Process);
    }

    /// <summary>A curated document keeps what it says; the row adds only what it lacks.</summary>
    private static Document Completed(PaxRow row, Document stored, List<Signatory> signatories, List<DocumentLink> links)
    {
        var dates = stored.Dates;
        if (dates.Signed is null && dates.Announced is null)
            dates = row.Status == PaxStatus.Unilateral ? dates with { Announced = row.Date } : dates with { Signed = row.Date };
        return new Document(
            stored.Id, stored.Kind, stored.Title, stored.ShortTitle, stored.Stage ?? row.Stage, stored.Status, dates, stored.PaxId,
            stored.Signatories.Count > 0 ? stored.Signatories : signatories,
            [.. stored.Links, .. links.Where(l => stored.Links.All(t => t.Target != l.Target))],
            stored.Texts, stored.Provisions,
            stored.Sources.Contains(SourceId) ? stored.Sources : [.. stored.Sources, SourceId],
            stored.Note, stored.Process ?? row.Process);
    }

    private static DocumentKind KindOf(PaxRow row)
    {
        if (row.Status == PaxStatus.Unilateral) return DocumentKind.Statement;
        var key = PaxParties.Key(row.Title);
        return key.Contains("statement", StringComparison.Ordinal) || key.Contains("declaration", StringComparison.Ordinal) || key.Contains("communique", StringComparison.Ordinal)
            ? DocumentKind.Statement
            : DocumentKind.Agreement;
    }

    /// <summary>
    /// PA-X's status in the model's words. "Status unclear" says PA-X could not tell whether the text was signed:
    /// proposed is the most that is known. The note keeps PA-X's own wording.
    /// </summary>
    public static DocumentStatus StatusOf(PaxStatus status) => status switch
    {
        PaxStatus.MultipartySigned => DocumentStatus.Signed,
        PaxStatus.SubsequentStatus => DocumentStatus.Signed,
        PaxStatus.Unilateral => DocumentStatus.Adopted,
        PaxStatus.Unclear => DocumentStatus.Proposed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string NoteOf(PaxRow row, List<string> notFound)
    {
        // Every free text is shortened, so that no row, however long its fields, makes a note longer than a note may be.
        var note = $"From PA-X agreement {row.AgtId}{(row.Version is null ? "" : $" (version {PaxFile.Shorten(row.Version)})")}: status \"{row.Status.Code()}\", agreement type {row.Type}, stage {row.Stage.Code()}"
            + (row.SubStage is null ? "" : $" ({PaxFile.Shorten(row.SubStage)})")
            + (row.Country is null ? "" : $", conflict \"{PaxFile.Shorten(row.Country)}\"") + ".";
        if (notFound.Count > 0)
        {
            note += " Other agreements it names that are not in the store: " + string.Join("; ", notFound.Take(MaxListedInNote).Select(n => PaxFile.Shorten(n)))
                + (notFound.Count > MaxListedInNote ? $"; and {notFound.Count - MaxListedInNote} more" : "") + ".";
        }
        return note;
    }

    private static RecordId FreeId(string wanted, PaxStoreView store, HashSet<RecordId> taken)
    {
        for (var n = 1; ; n++)
        {
            var id = new RecordId(n == 1 ? wanted : $"{wanted}-{n.ToString(CultureInfo.InvariantCulture)}");
            if (store.KindOf(id) is null && taken.Add(id)) return id;
        }
    }

    private sealed record Titled(RecordId Id, string Key, string? ShortKey, PartialDate? Date);

    /// <summary>The documents of the file and the store by title: whole titles looked up, contained ones searched.</summary>
    private sealed class Titles
    {
        public Titles(IReadOnlyList<PaxRow> rows, Dictionary<int, RecordId> ids, IReadOnlyList<Document> documents)
        {
            All = rows.Select(r => new Titled(ids[r.AgtId], PaxParties.Key(r.Title), null, r.Date)).ToList();
            var inFile = All.Select(t => t.Id).ToHashSet();
            All.AddRange(documents.Where(d => !inFile.Contains(d.Id)).Select(d =>
                new Titled(d.Id, PaxParties.Key(d.Title), d.ShortTitle is null ? null : PaxParties.Key(d.ShortTitle), d.Dates.Signed ?? d.Dates.Earliest)));
            foreach (var titled in All)
            {
                foreach (var key in new[] { titled.Key, titled.ShortKey }.OfType<string>().Distinct())
                {
                    if (!ByKey.TryGetValue(key, out var list)) ByKey[key] = list = [];
                    list.Add(titled);
                }
            }
        }

        public List<Titled> All { get; }

        public Dictionary<string, List<Titled>> ByKey { get; } = new(StringComparer.Ordinal);
    }

    private const int MinContainedLength = 12;

    private const int MaxListedInNote = 10;

    /// <summary>
    /// The agreements <c>OthAgr</c> names: each part (separated by semicolons or line breaks) is compared with the
    /// titles of the file's and the store's documents, whole or contained, and by a date written in it; a part that
    /// names exactly one document becomes a link. Its type is refers-to unless the part says implements, supersedes
    /// or amends.
    /// </summary>
    private static (List<DocumentLink> Links, List<string> NotFound) Links(PaxRow row, RecordId self, Titles titles)
    {
        var links = new List<DocumentLink>();
        var notFound = new List<string>();
        foreach (var part in row.OtherAgreements.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            PartialDate? date = null;
            var text = DateInText().Replace(part, m =>
            {
                date ??= PaxFile.ParseDate(m.Groups["date"].Value);
                return " ";
            });
            var key = PaxParties.Key(text);
            if (key.Length < 4) continue;
            bool DateFits(Titled t) => date is null || t.Date is null || t.Date == date;
            var matches = titles.ByKey.GetValueOrDefault(key, []).Where(DateFits).Select(t => t.Id).Distinct().ToList();
            if (matches.Count == 0)
            {
                matches = titles.All.Where(t => DateFits(t) && (Contains(key, t.Key) || (t.ShortKey is { } s && Contains(key, s))))
                    .Select(t => t.Id).Distinct().ToList();
            }
            var namesItself = matches.Remove(self);
            if (matches.Count != 1)
            {
                // A part naming only the agreement itself is no reference to report.
                if (!namesItself || matches.Count > 0) notFound.Add(part);
                continue;
            }
            if (links.All(l => l.Target != matches[0])) links.Add(new DocumentLink(LinkTypeIn(key), matches[0]));
        }
        return (links, notFound);
    }

    private static bool Contains(string a, string b) =>
        (b.Length >= MinContainedLength && a.Contains(b, StringComparison.Ordinal)) || (a.Length >= MinContainedLength && b.Contains(a, StringComparison.Ordinal));

    private static DocumentLinkType LinkTypeIn(string key) =>
        key.Contains("implement", StringComparison.Ordinal) ? DocumentLinkType.Implements
        : key.Contains("supersed", StringComparison.Ordinal) || key.Contains("replac", StringComparison.Ordinal) ? DocumentLinkType.Supersedes
        : key.Contains("amend", StringComparison.Ordinal) ? DocumentLinkType.Amends
        : DocumentLinkType.RefersTo;

    [GeneratedRegex(@"\(?\s*(?<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})\s*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex DateInText();

    /// <summary>
    /// The store's actors and those this import adds, found by name with PA-X's rules (<see cref="ActorNameRules.Pax"/>);
    /// a name found nowhere becomes a new actor.
    /// </summary>
    private sealed class ActorDirectory
    {
        private readonly PaxStoreView store;
        private readonly HashSet<RecordId> taken;
        private readonly ActorMatcher matcher;

        public ActorDirectory(PaxStoreView store, HashSet<RecordId> taken)
        {
            this.store = store;
            this.taken = taken;
            matcher = new ActorMatcher(store.Actors, ActorNameRules.Pax);
        }

        public List<Actor> Created { get; } = [];

        public Signatory Signatory(PaxParty party, SignatoryRole role, int agtId)
        {
            var entity = party.EntityAlternatives.Select(matcher.Find).FirstOrDefault(a => a is not null)
                ?? Create(party.Entity, person: false, party.Text, agtId);
            Actor? person = null;
            if (party.Person is { } name) person = matcher.Find(name) ?? Create(name, person: true, party.Text, agtId);
            return new Signatory(entity.Id, role, person?.Id);
        }

        private Actor Create(string name, bool person, string text, int agtId)
        {
            name = name.Trim();
            if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && name.Length > 4) name = name[4..].TrimStart();
            var kind = PaxParties.GuessKind(name, person);
            var shortName = kind == ActorKind.State ? ShortNameOf(name) : null;
            var actor = new Actor(FreeId(PaxParties.Slug(name), store, taken), kind, name.Trim(), shortName, [], [SourceId],
                $"Added by the PA-X import for \"{PaxFile.Shorten(text)}\" (agreement {agtId.ToString(CultureInfo.InvariantCulture)}); its kind was guessed from the name.");
            Created.Add(actor);
            matcher.Add(actor);
            return actor;
        }

        /// <summary>"Government of the Republic of Armenia" → "Armenia"; null when the name has no such prefix.</summary>
        private static string? ShortNameOf(string name)
        {
            var text = name.Trim();
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var prefix in new[] { "the ", "government of ", "republic of ", "state of ", "kingdom of ", "federal republic of " })
                {
                    if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length)
                    {
                        text = text[prefix.Length..].TrimStart();
                        changed = true;
                    }
                }
            }
            return text.Length > 0 && text != name.Trim() && text.Length <= 100 ? text : null;
        }
    }
}
