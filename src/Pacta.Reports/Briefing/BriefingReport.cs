using Pacta.Claims;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Reports.Content;

namespace Pacta.Reports.Briefing;

/// <summary>
/// What a mediator reads before a round, as of the day before it: open issues with each side's latest position,
/// overdue and blocked obligations, recent incidents and meetings, new or contested claims side by side, and
/// upcoming deadlines. The windows are stated in the report.
/// </summary>
public static class BriefingReport
{
    /// <summary>Incidents, meetings and new claims are those of the days before the date.</summary>
    public const int RecentDays = 90;

    /// <summary>Deadlines are those of the days after the date.</summary>
    public const int UpcomingDays = 180;

    public static Report Build(CaseRecords records, DateOnly before)
    {
        ArgumentNullException.ThrowIfNull(records);
        var window = new Window(before.AddDays(-RecentDays), before.AddDays(-1), before, before.AddDays(UpcomingDays));
        var evidence = new Evidence(records);
        var states = records.Compliance.States(before).ToList();
        return new Report($"Briefing before {Words.Date(before)}", [
            $"Recent: {Words.Date(window.RecentFrom)} to {Words.Date(window.RecentTo)} (the {RecentDays} days before). " +
            $"Upcoming: {Words.Date(window.Before)} to {Words.Date(window.UpcomingTo)} (the next {UpcomingDays} days).",
            "Positions and claims are attributed to whoever holds or makes them; the briefing states none of them as fact.",
        ], [
            Issues(records, evidence, before),
            Obligations(records, states),
            Events(records, evidence, window),
            Claims(records, evidence, window),
            Deadlines(records, states, window),
            evidence.Appendix(),
        ]);
    }

    private sealed record Window(DateOnly RecentFrom, DateOnly RecentTo, DateOnly Before, DateOnly UpcomingTo)
    {
        /// <summary>A partial date falls in the recent window if the days it may stand for meet it.</summary>
        public bool Recent(PartialDate date) => date.First <= RecentTo && date.Last >= RecentFrom;

        public bool Recent(DateOnly first, DateOnly last) => first <= RecentTo && last >= RecentFrom;
    }

    private static Section Issues(CaseRecords records, Evidence evidence, DateOnly before)
    {
        var rows = new List<Row>();
        foreach (var issue in records.Issues.OrderBy(i => i.Id))
        {
            var latest = issue.Positions.Where(p => p.Date.First < before)
                .GroupBy(p => p.Actor)
                .Select(g => g.OrderBy(p => p.Date).Last())
                .OrderBy(p => p.Actor)
                .ToList();
            if (latest.Count == 0)
            {
                rows.Add(new Row([new Cell(new Text(issue.Title, Strong: true)), "", "", "no position recorded before the date", ""]));
                continue;
            }
            rows.AddRange(latest.Select((p, i) => new Row([
                i == 0 ? new Cell(new Text(issue.Title, Strong: true)) : "",
                records.Name(p.Actor),
                p.Date.ToString(),
                new Cell(new Text($"{records.Name(p.Actor)}'s position: ", Emphasis: true), new Text(p.Summary),
                    new Text(p.Option is { } o && issue.Options.FirstOrDefault(x => x.Id == o) is { } option ? $" (favours: {option.Label})" : "")),
                new Cell(evidence.Sources(p.Sources)),
            ])));
        }
        return new Section("Open issues and each side's latest position", [
            Paragraph.Note(new Text("For each issue, every party's latest recorded position dated before the briefing date.")),
            rows.Count == 0 ? new Paragraph(new Text("No issues are recorded.")) : new Table(["issue", "party", "as of", "position", "sources"], rows),
        ]);
    }

    private static Section Obligations(CaseRecords records, IReadOnlyList<ObligationState> states)
    {
        var rows = states.Where(s => s.Overdue || s.Blocked).Select(s =>
        {
            var o = s.Obligation;
            var found = records.Obligation(o.Id);
            var why = new List<Inline>();
            if (s.Overdue) why.Add(new Text($"overdue since {(o.Deadline ?? o.Period?.To)}", Strong: true));
            if (s.Blocked)
            {
                if (why.Count > 0) why.Add(Break.Instance);
                why.Add(new Text("blocked by "));
                why.AddRange(Words.Join(s.BlockedBy.Select(b => (Inline)new Text(b.Value))));
            }
            if (s.Disputed)
            {
                why.Add(Break.Instance);
                why.Add(new Text(s.ContestingClaims.Count > 0 ? $"contested by claims of {records.Names(s.ContestingClaims.Select(c => c.Asserter).Distinct())}" : "assessors differ", Emphasis: true));
            }
            return new Row([
                new Cell(new Text(o.Id.Value, Strong: true)),
                found is { } f ? $"{f.Document.DisplayTitle}, {f.Provision.Number}" : "",
                records.Names(o.Bearers),
                Words.Shorten(o.Action),
                s.Status,
                new Cell(why),
            ]);
        }).ToList();
        return new Section("Overdue and blocked obligations", [
            Paragraph.Note(new Text("As of the briefing date, derived from the recorded assessments (docs/compliance.md): overdue = the deadline has passed and " +
                "no assessor records it implemented or lapsed; blocked = a condition it depends on is not implemented.")),
            rows.Count == 0 ? new Paragraph(new Text("None.")) : new Table(["obligation", "document, provision", "bearers", "what", "status", "why listed"], rows),
        ]);
    }

    private static Section Events(CaseRecords records, Evidence evidence, Window window)
    {
        var recent = records.Events.Where(e => window.Recent(e.Start.First, e.LastDay)).OrderBy(e => e.Start).ThenBy(e => e.Id).ToList();
        Row ToRow(Event e) => new([
            new Cell(evidence.Cite(e.Id)),
            e.End is { } end ? $"{e.Start} – {end}" : e.Start.ToString(),
            e.Meeting is { } m ? $"meeting ({Words.Term(m.Format)})" : e.Type.ToString(),
            new Cell(new Text(e.Title, Strong: true), new Text(e.Summary is { } s ? " — " + Words.Shorten(s, 300) : "")),
            records.Names(e.Actors.Select(a => a.Actor).Distinct()),
            e.Fatalities is { } f ? (f.Low == f.High && f.Low == f.Best || f.Low is null && f.High is null ? Words.Count(f.Best) : $"{f.Low?.ToString() ?? "?"}–{f.Best}–{f.High?.ToString() ?? "?"} (low–best–high)") : "",
            new Cell(evidence.Sources(e.Sources)),
        ]);
        string[] headers = ["event", "date", "type", "what", "actors", "fatalities", "sources"];
        var incidents = recent.Where(e => e.Meeting is null).Select(ToRow).ToList();
        var meetings = recent.Where(e => e.Meeting is not null).Select(ToRow).ToList();
        return new Section($"Recent incidents and meetings ({Words.Date(window.RecentFrom)} to {Words.Date(window.RecentTo)})", [
            new Paragraph(new Text("Incidents", Strong: true)),
            incidents.Count == 0 ? new Paragraph(new Text("No incidents are recorded in the window.")) : new Table(headers, incidents),
            new Paragraph(new Text("Meetings", Strong: true)),
            meetings.Count == 0 ? new Paragraph(new Text("No meetings are recorded in the window.")) : new Table(headers, meetings),
        ]);
    }

    private static Section Claims(CaseRecords records, Evidence evidence, Window window)
    {
        var known = records.Claims.Where(c => c.Date is null || c.Date.First <= window.RecentTo).ToList();
        var sets = ContestedSet.Group(known)
            .Where(s => s.IsContested || s.Claims.Any(c => c.Date is { } d && window.Recent(d)))
            .ToList();
        var blocks = new List<Block>
        {
            Paragraph.Note(new Text($"Subjects with a new claim (dated in the {RecentDays} days before) or with claims that contest one another " +
                "(more than one asserter, or differing stances), every claim about the subject side by side, ordered by asserter. New claims are marked.")),
        };
        if (sets.Count == 0) blocks.Add(new Paragraph(new Text("None.")));
        var rows = new List<Row>();
        foreach (var set in sets)
        {
            var subject = records.Describe(set.Subject);
            rows.AddRange(set.Claims.Select((c, i) => new Row([
                i == 0 ? new Cell(new Text(Words.Shorten(subject, 120), Strong: true), Break.Instance, new Text(set.Subject.Value + (set.IsContested ? " · contested" : ""), Emphasis: true)) : "",
                new Cell(evidence.Cite(c.Id)),
                records.Name(c.Asserter),
                new Cell(new Text($"{records.Name(c.Asserter)} {Words.Term(c.Stance)}: ", Strong: true), new Text(c.Statement)),
                new Cell(c.Date is { } d && window.Recent(d) ? [new Text(d.ToString()), Break.Instance, new Text("new", Strong: true)] : [new Text(c.Date?.ToString() ?? "undated")]),
                $"{c.Credibility} ({c.Credibility.Meaning})",
                new Cell(evidence.Sources(c.Sources)),
            ])));
        }
        if (rows.Count > 0) blocks.Add(new Table(["subject", "claim", "asserter", "statement", "date", "credibility", "sources"], rows));
        return new Section("New and contested claims, side by side", blocks);
    }

    private static Section Deadlines(CaseRecords records, IReadOnlyList<ObligationState> states, Window window)
    {
        var rows = states
            .Select(s => (State: s, Due: s.Obligation.Deadline ?? s.Obligation.Period?.To))
            .Where(x => x.Due is { } d && d.Last >= window.Before && d.Last <= window.UpcomingTo)
            .Where(x => x.State.Status is not "implemented" and not "lapsed")
            .OrderBy(x => x.Due!.Last).ThenBy(x => x.State.Obligation.Id)
            .Select(x =>
            {
                var found = records.Obligation(x.State.Obligation.Id);
                return new Row([
                    x.Due!.ToString(),
                    new Cell(new Text(x.State.Obligation.Id.Value, Strong: true)),
                    found is { } f ? $"{f.Document.DisplayTitle}, {f.Provision.Number}" : "",
                    records.Names(x.State.Obligation.Bearers),
                    Words.Shorten(x.State.Obligation.Action),
                    x.State.Status,
                ]);
            }).ToList();
        return new Section($"Upcoming deadlines ({Words.Date(window.Before)} to {Words.Date(window.UpcomingTo)})", [
            Paragraph.Note(new Text($"Obligations whose deadline (or period) ends in the next {UpcomingDays} days and that no assessor records as implemented or lapsed.")),
            rows.Count == 0 ? new Paragraph(new Text("None.")) : new Table(["due", "obligation", "document, provision", "bearers", "what", "status"], rows),
        ]);
    }
}
