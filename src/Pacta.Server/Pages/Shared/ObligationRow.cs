using Pacta.Compliance;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Pages.Shared;

/// <summary>An obligation with the document and provision it comes from and its derived state.</summary>
public sealed record ObligationRow(Document Document, Provision Provision, ObligationState State)
{
    /// <summary>
    /// The state of every obligation of these documents as of a day, by every rule (<see cref="ComplianceCase"/>:
    /// conditions and reciprocal partners in any document, claims about the obligation).
    /// </summary>
    public static IReadOnlyList<ObligationRow> Of(IEnumerable<Document> documents, IStore store, DateOnly asOf) =>
        Of(documents, Compliance(store), asOf);

    public static IReadOnlyList<ObligationRow> Of(IEnumerable<Document> documents, ComplianceCase compliance, DateOnly asOf) =>
        [.. documents.SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o =>
            new ObligationRow(d, p, compliance.State(o.Id, asOf)))))];

    /// <summary>Everything compliance is derived from, read once (assessments and claims are far fewer than events).</summary>
    public static ComplianceCase Compliance(IStore store) =>
        new(store.All<Document>(), store.All<Assessment>(), store.All<Claim>());

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
