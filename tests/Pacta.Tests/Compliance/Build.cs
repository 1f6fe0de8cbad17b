using Pacta.Model;

namespace Pacta.Tests.Compliance;

/// <summary>Small records for the compliance tests: only what a rule reads is set.</summary>
internal static class Build
{
    public static RecordId Id(string value) => new(value);

    public static Obligation Obligation(string id, PartialDate? deadline = null, Period? period = null, string[]? bearers = null, params Linkage[] linkage) =>
        new(Id(id), [.. (bearers ?? ["armenia"]).Select(Id)], "act", null, [], deadline, period, null, linkage);

    public static Linkage ConditionalOn(string id) => new(LinkageType.ConditionalOn, Id(id));

    public static Linkage ReciprocalTo(string id) => new(LinkageType.ReciprocalTo, Id(id));

    public static Assessment Assessment(string obligation, string asOf, AssessmentStatus status, int? score = null, string by = "editors") =>
        new(Id($"a-{obligation}-{by}-{asOf.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}"), Id(obligation), PartialDate.Parse(asOf), status,
            score is { } s ? new PamScore(s) : null, "because", [], Id(by), [Id("src")]);

    public static Claim Claim(string id, string subject, string asserter, Stance stance, string? date) =>
        new(Id(id), Id(subject), Id(asserter), stance, date is null ? null : PartialDate.Parse(date), "says so", null, new Credibility(6), [Id("src")]);

    public static Document Document(string id, params Provision[] provisions) =>
        new(Id(id), DocumentKind.Statement, id, null, null, DocumentStatus.Signed, null, null, [], [], [], provisions, [Id("src")]);

    public static Provision Provision(string eId, Theme[] themes, params Obligation[] obligations) =>
        new(eId, eId, null, "summary", themes, obligations);

    public static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
