using Pacta.Compliance;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Pages.Shared;

/// <summary>An obligation with the document and provision it comes from and its derived state.</summary>
public sealed record ObligationRow(Document Document, Provision Provision, ObligationState State)
{
    /// <summary>
    /// The state of every obligation of these documents as of a day, from the store's assessments
    /// (assessments are one per obligation and assessor per date: far fewer than events).
    /// </summary>
    public static IReadOnlyList<ObligationRow> Of(IEnumerable<Document> documents, SqliteStore store, DateOnly asOf)
    {
        var assessments = store.All<Assessment>().ToLookup(a => a.Obligation);
        return documents
            .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o =>
                new ObligationRow(d, p, ObligationState.Of(o, assessments[o.Id], asOf)))))
            .ToList();
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
