using System.Diagnostics;
using System.Globalization;
using Pacta.Compliance;
using Pacta.Model;

// dotnet run --project bench/Pacta.Bench.Compliance -c Release -- [--obligations N] [--links N] [--runs N] [--seed S]
// Builds a synthetic case in memory (seeded), then times, with a stopwatch, each of:
//   full   — index the case and derive every obligation's state and every roll-up (per document, party, theme) at one date;
//   series — the yearly roll-up series 2020–2025 of every document, party and theme.
//   index, states, roll-ups — the three parts of "full" alone, on an indexed case;
// Prints the median, fastest and slowest of --runs runs after two warm-up runs.
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
int Number(string name, string fallback) => int.Parse(Arg(name, fallback), CultureInfo.InvariantCulture);

var obligationCount = Number("--obligations", "10000");
var linkCount = Number("--links", "1000000");
var runs = Number("--runs", "11");
var random = new Random(Number("--seed", "1"));
const int PerDocument = 100, PerProvision = 5, EvidencePerAssessment = 10;

RecordId Id(string prefix, int i) => new($"{prefix}-{i.ToString(CultureInfo.InvariantCulture)}");
var source = new[] { Id("src", 0) };
var parties = Enumerable.Range(0, 12).Select(i => Id("party", i)).ToArray();
var assessors = Enumerable.Range(0, 5).Select(i => Id("assessor", i)).Concat(parties.Take(2)).ToArray();
var themes = Enum.GetValues<Theme>();
var evidencePool = Enumerable.Range(0, 50_000).Select(i => Id("event", i)).ToArray();
var start = new DateOnly(2020, 11, 10);

// Documents: 100 obligations each, 5 per provision; bearers 1–3 parties; one in five conditional on an earlier
// obligation of its document (no cycles), one in ten reciprocal to its neighbour; deadlines on half of them.
var documents = new List<Document>();
var obligationIds = new List<RecordId>();
for (var d = 0; d * PerDocument < obligationCount; d++)
{
    var provisions = new List<Provision>();
    for (var p = 0; p * PerProvision < PerDocument && d * PerDocument + p * PerProvision < obligationCount; p++)
    {
        var obligations = new List<Obligation>();
        for (var k = 0; k < PerProvision && d * PerDocument + p * PerProvision + k < obligationCount; k++)
        {
            var n = d * PerDocument + p * PerProvision + k;
            var id = Id("o", n);
            var linkage = new List<Linkage>();
            if (n % PerDocument > 0 && random.Next(5) == 0) linkage.Add(new Linkage(LinkageType.ConditionalOn, Id("o", n - 1 - random.Next(n % PerDocument))));
            if (n % 10 == 1) linkage.Add(new Linkage(LinkageType.ReciprocalTo, Id("o", n - 1)));
            var bearers = parties.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
            var deadline = random.Next(2) == 0 ? PartialDate.Day(start.AddDays(random.Next(1500))) : null;
            obligations.Add(new Obligation(id, bearers, "act", null, [], deadline, null, null, linkage));
            obligationIds.Add(id);
        }
        Theme[] provisionThemes = [.. new[] { themes[random.Next(themes.Length)], themes[random.Next(themes.Length)] }.Distinct()];
        provisions.Add(new Provision($"art_{p + 1}", $"{p + 1}", null, "summary", provisionThemes, obligations));
    }
    documents.Add(new Document(Id("doc", d), DocumentKind.Statement, $"Document {d}", null, null, DocumentStatus.Signed,
        new DocumentDates(PartialDate.Day(start), null, null, null), null, [], [], [], provisions, source));
}

// Assessments: enough of them, ten evidence ids each, to make --links evidence links; statuses and scores vary.
var statuses = Enum.GetValues<AssessmentStatus>();
var assessments = new List<Assessment>(linkCount / EvidencePerAssessment);
for (var i = 0; i < linkCount / EvidencePerAssessment; i++)
{
    var evidence = new RecordId[EvidencePerAssessment];
    for (var e = 0; e < evidence.Length; e++) evidence[e] = evidencePool[(i * EvidencePerAssessment + e * 7919) % evidencePool.Length];
    var score = random.Next(6) is var s && s < 4 ? new PamScore(s) : null;
    assessments.Add(new Assessment(Id("a", i), obligationIds[random.Next(obligationIds.Count)], PartialDate.Day(start.AddDays(random.Next(1900))),
        statuses[random.Next(statuses.Length)], score, "because", evidence, assessors[random.Next(assessors.Length)], source));
}

// Claims: two on each of a fifth of the obligations, by two parties, sometimes disagreeing.
var claims = new List<Claim>();
foreach (var (id, i) in obligationIds.Where((_, i) => i % 5 == 0).Select((id, i) => (id, i)))
{
    claims.Add(new Claim(Id("c", 2 * i), id, parties[0], Stance.Asserts, PartialDate.Day(start.AddDays(random.Next(1900))), "says so", null, new Credibility(6), source));
    claims.Add(new Claim(Id("c", 2 * i + 1), id, parties[1], random.Next(2) == 0 ? Stance.Disputes : Stance.Asserts, null, "says otherwise", null, new Credibility(6), source));
}

var asOf = new DateOnly(2025, 12, 31);
var years = Enumerable.Range(2020, 6).Select(y => new DateOnly(y, 12, 31)).ToArray();
Console.WriteLine($"{documents.Count:N0} documents, {obligationIds.Count:N0} obligations, {assessments.Count:N0} assessments, "
    + $"{assessments.Sum(a => a.Evidence.Count):N0} evidence links, {documents.Sum(d => d.Obligations.Sum(o => o.Linkage.Count)):N0} linkages, {claims.Count:N0} claims");

long Full()
{
    var compliance = new ComplianceCase(documents, assessments, claims);
    long seen = 0;
    foreach (var state in compliance.States(asOf)) seen += state.Views.Count + state.BlockedBy.Count + state.ContestingClaims.Count + (state.Overdue ? 1 : 0);
    seen += compliance.ByDocument(asOf).Sum(r => r.Tally.Numerator);
    seen += compliance.ByParty(asOf).Sum(r => r.Tally.Numerator);
    seen += compliance.ByTheme(asOf).Sum(r => r.Tally.Numerator);
    return seen;
}

var prepared = new ComplianceCase(documents, assessments, claims);
long Index() => new ComplianceCase(documents, assessments, claims).Documents.Count;
long States() => prepared.States(asOf).Sum(s => (long)s.Views.Count + s.BlockedBy.Count + s.ContestingClaims.Count);
long RollUps() => prepared.ByDocument(asOf).Concat(prepared.ByParty(asOf)).Concat(prepared.ByTheme(asOf)).Sum(r => (long)r.Tally.Numerator);
long Series()
{
    long seen = 0;
    foreach (var document in documents) seen += prepared.Series(RollUpScope.Document, document.Id.Value, years).Sum(r => r.Tally.Denominator);
    foreach (var party in prepared.ByParty(asOf)) seen += prepared.Series(RollUpScope.Party, party.Key, years).Sum(r => r.Tally.Denominator);
    foreach (var theme in prepared.ByTheme(asOf)) seen += prepared.Series(RollUpScope.Theme, theme.Key, years).Sum(r => r.Tally.Denominator);
    return seen;
}

foreach (var (name, work) in new (string, Func<long>)[] { ("full", Full), ("index", Index), ("states", States), ("roll-ups", RollUps), ("series", Series) })
{
    for (var w = 0; w < 2; w++) work();
    var times = new List<double>();
    long check = 0;
    for (var r = 0; r < runs; r++)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        check = work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-8} median {times[times.Count / 2],8:F1} ms   fastest {times[0],8:F1} ms   slowest {times[^1],8:F1} ms   ({runs} runs; checksum {check})");
}
