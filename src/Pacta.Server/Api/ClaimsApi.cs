using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Claims;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/claims</c>: who asserts what about what, and the contested sets side by side.</summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var claims = api.MapGroup("/claims").WithTags("Claims");
        claims.MapGet("/", List)
            .WithName("ListClaims").WithSummary("Claims, optionally about one subject, ordered by id.");
        claims.MapGet("/contested", Contested)
            .WithName("ListContestedSets")
            .WithSummary("Subjects whose claims come from more than one asserter or differ in stance: "
                + "every claim side by side, with its sources and their reliability.");
        return api;
    }

    private static Results<Ok<IReadOnlyList<Claim>>, ValidationProblem> List(
        IStore store,
        [Description("the id of the record or topic the claims are about")] string? subject)
    {
        var parameters = new Parameters();
        var wanted = parameters.Id(nameof(subject), subject);
        if (!parameters.Valid) return parameters.Problem();
        IReadOnlyList<Claim> found = store.All<Claim>().Where(c => wanted is null || c.Subject == wanted).ToList();
        return TypedResults.Ok(found);
    }

    private static Ok<IReadOnlyList<CitedSet>> Contested(IStore store)
    {
        var sources = store.All<Source>().ToDictionary(s => s.Id);
        return TypedResults.Ok(CitedSet.Among(store.All<Claim>(), id => Describe(store, id), sources.GetValueOrDefault));
    }

    /// <summary>A subject's kind and the title a reader knows it by.</summary>
    private static (RecordKind Kind, string Title)? Describe(IStore store, RecordId id) => store.Find(id) switch
    {
        Topic t => (RecordKind.Topic, t.Title),
        Event e => (RecordKind.Event, e.Title),
        Document d => (RecordKind.Document, d.Title),
        Place p => (RecordKind.Place, p.AllNames),
        Actor a => (RecordKind.Actor, a.Name),
        Issue i => (RecordKind.Issue, i.Title),
        Source s => (RecordKind.Source, s.Title),
        Claim c => (RecordKind.Claim, c.Statement),
        Assessment a => (RecordKind.Assessment, a.Rationale),
        null when store.FindObligation(id) is { } o => (RecordKind.Obligation, o.Obligation.Action),
        _ => null,
    };
}
