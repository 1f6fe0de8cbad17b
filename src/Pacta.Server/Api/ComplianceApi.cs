using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Compliance;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary>
/// <c>/api/v1/compliance</c>: obligations derived by every rule, PAM roll-ups per document, party and theme as of a
/// date, and the timeline of stretches between change dates that lets a page move through time without asking
/// again; <c>/api/v1/obligations/{id}/assessments</c>: every assessor's every view, never averaged.
/// </summary>
public static class ComplianceApi
{
    public static RouteGroupBuilder MapComplianceApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var compliance = api.MapGroup("/compliance").WithTags("Compliance");
        compliance.MapGet("/", Get)
            .WithName("GetCompliance")
            .WithSummary("PAM roll-ups per document, party and theme as of a date (today by default), and each obligation's full derived state: "
                + "status, overdue, lapsed, blocked by, reciprocal partners, disputed with the contesting claims, self-assessments, score range.")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        compliance.MapGet("/timeline", Timeline)
            .WithName("GetComplianceTimeline")
            .WithSummary("Each obligation's state as stretches between the dates on which it can change, and the roll-ups per document, "
                + "party and theme over the same stretches: the state at any date is the stretch that contains it.")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/obligations/{id}/assessments", Assessments)
            .WithTags("Obligations")
            .WithName("ListObligationAssessments")
            .WithSummary("Every assessment of one obligation, by every assessor, oldest first, each with its evidence and whether a bearer assessed itself.")
            .Produces<JsonArray>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult> Get(
        IStore store,
        TimeProvider clock,
        [Description("a document id: only this document's obligations and roll-ups")] string? document,
        [Description("an actor id: only the obligations this actor bears, and only its roll-up among the parties")] string? party,
        [Description("the date everything is derived for (YYYY-MM-DD); today by default; not before the document existed")] string? asOf)
    {
        var parameters = new Parameters();
        var wantedDocument = parameters.Id(nameof(document), document);
        var wantedParty = parameters.Id(nameof(party), party);
        var date = parameters.Date(nameof(asOf), asOf) ?? DocumentsApi.Today(clock);
        if (!parameters.Valid) return parameters.Problem();
        if (Scope(store, wantedDocument, wantedParty) is { } missing) return missing;
        var documents = store.All<Document>();
        if (wantedDocument is not null && documents.Single(d => d.Id == wantedDocument).Dates.Earliest is { } earliest && date < earliest.First)
        {
            parameters.Add(nameof(asOf), $"'{asOf}' is before the document existed (its earliest date is {earliest})");
            return parameters.Problem();
        }

        var compliance = new ComplianceCase(documents, store.All<Assessment>(), store.All<Claim>());
        var parties = compliance.ByParty(date, wantedDocument).Where(r => wantedParty is null || r.Key == wantedParty.Value);
        var documentRollUps = wantedDocument is null ? compliance.ByDocument(date) : [compliance.ForDocument(wantedDocument, date)];
        var obligations = Within(documents, wantedDocument, wantedParty)
            .Select(x => (JsonNode)ComplianceShapes.Obligation(x.Document, x.Provision, compliance.State(x.Obligation.Id, date)));
        return TypedResults.Ok(new JsonObject
        {
            ["asOf"] = ComplianceShapes.Date(date),
            ["document"] = wantedDocument?.Value,
            ["party"] = wantedParty?.Value,
            ["rollUps"] = new JsonObject
            {
                ["documents"] = RollUps(documentRollUps),
                ["parties"] = RollUps(parties),
                ["themes"] = RollUps(compliance.ByTheme(date, wantedDocument)),
            },
            ["obligations"] = new JsonArray([.. obligations]),
        });
    }

    private static Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult> Timeline(
        IStore store,
        [Description("a document id: only this document's obligations and roll-ups")] string? document,
        [Description("an actor id: only the obligations this actor bears, and only its roll-up among the parties")] string? party)
    {
        var parameters = new Parameters();
        var wantedDocument = parameters.Id(nameof(document), document);
        var wantedParty = parameters.Id(nameof(party), party);
        if (!parameters.Valid) return parameters.Problem();
        if (Scope(store, wantedDocument, wantedParty) is { } missing) return missing;

        var documents = store.All<Document>();
        var timeline = new ComplianceTimeline(documents, store.All<Assessment>(), store.All<Claim>());
        var within = Within(documents, wantedDocument, wantedParty).ToList();
        var parties = within.SelectMany(x => x.Obligation.Bearers).Distinct().Order()
            .Where(p => wantedParty is null || p == wantedParty).ToList();
        var themes = within.SelectMany(x => x.Provision.Themes).Distinct().Order().Select(ObligationState.Term).ToList();
        JsonArray Series(RollUpScope scope, IEnumerable<string> keys, RecordId? inDocument) =>
            new([.. keys.Select(k => (JsonNode)new JsonObject { ["key"] = k, ["segments"] = ComplianceShapes.Series(timeline.Series(scope, k, inDocument)) })]);

        return TypedResults.Ok(new JsonObject
        {
            ["document"] = wantedDocument?.Value,
            ["party"] = wantedParty?.Value,
            ["changeDates"] = new JsonArray([.. timeline.ChangeDates(within.Select(x => x.Obligation.Id)).Select(d => (JsonNode)ComplianceShapes.Date(d))]),
            ["obligations"] = new JsonArray([.. within.Select(x => (JsonNode)new JsonObject
            {
                ["id"] = x.Obligation.Id.Value,
                ["document"] = x.Document.Id.Value,
                ["provision"] = x.Provision.EId,
                ["bearers"] = new JsonArray([.. x.Obligation.Bearers.Select(b => (JsonNode)b.Value)]),
                ["segments"] = ComplianceShapes.Segments(timeline.Segments(x.Obligation.Id)),
            })]),
            ["series"] = new JsonObject
            {
                ["documents"] = Series(RollUpScope.Document, documents.Where(d => wantedDocument is null || d.Id == wantedDocument).Select(d => d.Id.Value), null),
                ["parties"] = Series(RollUpScope.Party, parties.Select(p => p.Value), wantedDocument),
                ["themes"] = Series(RollUpScope.Theme, themes, wantedDocument),
            },
        });
    }

    private static Results<Ok<JsonArray>, ValidationProblem, ProblemHttpResult> Assessments(
        IStore store,
        [Description("the obligation's id")] string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null || !parameters.Valid) return parameters.Problem();
        if (store.FindObligation(recordId) is not { } found) return Problems.NotFound("obligation", id);

        var bearers = found.Obligation.Bearers;
        var items = store.All<Assessment>()
            .Where(a => a.Obligation == recordId)
            .OrderBy(a => a.AsOf).ThenBy(a => a.Assessor).ThenBy(a => a.Id)
            .Select(a =>
            {
                var node = Shapes.Record(a).AsObject();
                node["selfAssessment"] = bearers.Contains(a.Assessor);
                return (JsonNode)node;
            });
        return TypedResults.Ok(new JsonArray([.. items]));
    }

    /// <summary>A 404 when the document or the party named does not exist.</summary>
    private static ProblemHttpResult? Scope(IStore store, RecordId? document, RecordId? party)
    {
        if (document is not null && store.Find(document) is not Document) return Problems.NotFound("document", document.Value);
        if (party is not null && store.Find(party) is not Actor) return Problems.NotFound("actor", party.Value);
        return null;
    }

    private static IEnumerable<(Document Document, Provision Provision, Obligation Obligation)> Within(
        IEnumerable<Document> documents, RecordId? document, RecordId? party) =>
        documents.Where(d => document is null || d.Id == document)
            .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o => (d, p, o))))
            .Where(x => party is null || x.o.Bearers.Contains(party));

    private static JsonArray RollUps(IEnumerable<RollUp> rollUps) => new([.. rollUps.Select(r => (JsonNode)ComplianceShapes.RollUp(r))]);
}
