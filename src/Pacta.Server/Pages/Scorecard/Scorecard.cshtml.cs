using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Scorecard;

/// <summary>
/// A document's scorecard as of a date: the trend of each party's PAM percentage (drawn in the browser from the
/// compliance timeline), the obligations × parties matrix coloured by status, and a slider that moves through
/// time. The server renders the state as of <c>?asOf=</c>, so the page says everything without script too.
/// Without <c>?document=</c>, the documents that have obligations, each with its roll-up.
/// </summary>
public sealed class ScorecardModel(IStore store, TimeProvider clock) : PageModel
{
    public Document? Document { get; private set; }
    public IReadOnlyList<(Document Document, RollUp RollUp)> Documents { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    /// <summary>Every party that bears an obligation of the document, in the order of their ids: a stated, neutral order.</summary>
    public IReadOnlyList<RecordId> Parties { get; private set; } = [];
    public IReadOnlyList<ObligationRow> Rows { get; private set; } = [];
    public RollUp? DocumentRollUp { get; private set; }
    public IReadOnlyList<RollUp> PartyRollUps { get; private set; } = [];
    public RecordNames Names { get; private set; } = null!;

    public IActionResult OnGet(string? document, string? asOf)
    {
        Names = new RecordNames(store);
        var today = ObligationRow.Today(clock);
        // Read once: the page derives states as of one date and, for one document, the timeline its slider reads.
        var (assessments, claims) = (store.All<Assessment>(), store.All<Claim>());
        var compliance = new ComplianceCase(store.All<Document>(), assessments, claims);
        if (document is null)
        {
            AsOf = today;
            Documents = [.. compliance.Documents.Where(d => d.Obligations.Any()).Select(d => (d, compliance.ForDocument(d.Id, today)))];
            return Page();
        }
        if (!RecordId.IsValid(document) || store.Find(new RecordId(document)) is not Document found) return NotFound();
        DateOnly? wanted = null;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return BadRequest();
            wanted = parsed;
        }

        Document = found;
        var timeline = new ComplianceTimeline(compliance.Documents, assessments, claims);
        var changes = timeline.ChangeDates(found.Obligations.Select(o => o.Id));
        // The document's lifetime: from its earliest date (else its first change) to today or its last change, whichever is later.
        Start = found.Dates.Earliest?.First ?? (changes.Count > 0 ? changes[0] : today);
        End = new[] { today, changes.Count > 0 ? changes[^1] : today, Start }.Max();
        AsOf = wanted ?? today;
        if (AsOf < Start) return BadRequest();
        if (AsOf > End) End = AsOf;
        Parties = [.. found.Obligations.SelectMany(o => o.Bearers).Distinct().Order()];
        Rows = ObligationRow.Of([found], compliance, AsOf);
        DocumentRollUp = compliance.ForDocument(found.Id, AsOf);
        PartyRollUps = compliance.ByParty(AsOf, found.Id);
        return Page();
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public int Days(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>Names of the actors and what the claims about these obligations say, for the script that redraws the matrix.</summary>
    public string Lookups()
    {
        var ids = Rows.Select(r => r.State.Obligation.Id).ToHashSet();
        var claims = store.All<Claim>().Where(c => ids.Contains(c.Subject)).ToDictionary(c => c.Id.Value, c => $"{Names.Actor(c.Asserter)} {RecordNames.Term(c.Stance)}{(c.Date is { } d ? $" ({d})" : "")}");
        var actors = Names.Actors.ToDictionary(a => a.Id.Value, a => a.DisplayName);
        var obligations = Rows.ToDictionary(r => r.State.Obligation.Id.Value, r => r.State.Obligation.Action);
        return JsonSerializer.Serialize(new { actors, claims, obligations });
    }
}
