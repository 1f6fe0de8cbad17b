extern alias server;

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Store;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Server.Api;

/// <summary>
/// The real server over a small case made for the compliance rules, so that what each answer must say can be
/// worked out by hand: an accord of 10 January 2021 between alpha and beta, assessed by the mediator gamma and
/// by the parties themselves.
/// <list type="bullet">
/// <item><c>ob-withdraw</c> (alpha, due 1 March 2021): gamma says in progress (1) on 1 February, implemented (3) on
/// 1 May; alpha says implemented (3) on 1 April — a self-assessment.</item>
/// <item><c>ob-open-road</c> (beta): conditional on ob-withdraw and reciprocal to ob-open-rail; gamma says not
/// started (0) on 1 June, beta says in progress (2) on 15 June — the views disagree.</item>
/// <item><c>ob-open-rail</c> (alpha): never assessed; alpha asserts it is done (1 July), beta denies it (2 July).</item>
/// <item><c>ob-joint</c> (alpha and beta, theme mine action): gamma says in progress (2) in March 2021.</item>
/// </list>
/// </summary>
public sealed class ConstructedCase : WebApplicationFactory<server::Program>
{
    public const string Accord = "accord";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));

    public ConstructedCase()
    {
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, "constructed.db");
        using var store = SqliteStore.Open(DatabasePath);
        store.Write(Records(), new ChangeContext("test", "pacta test"));
    }

    public string DatabasePath { get; }

    public static IReadOnlyCollection<IRecord> Records()
    {
        var withdraw = Obligation("ob-withdraw", deadline: PartialDate.Day(2021, 3, 1), bearers: ["alpha"]);
        var road = Obligation("ob-open-road", bearers: ["beta"], linkage: [ConditionalOn("ob-withdraw"), ReciprocalTo("ob-open-rail")]);
        var rail = Obligation("ob-open-rail", bearers: ["alpha"]);
        var joint = Obligation("ob-joint", bearers: ["alpha", "beta"]);
        var accord = new Document(Id(Accord), DocumentKind.Agreement, "The accord", null, null, DocumentStatus.Signed,
            new DocumentDates(PartialDate.Day(2021, 1, 10), null, null, null), null,
            [new Signatory(Id("alpha"), SignatoryRole.Party, null), new Signatory(Id("beta"), SignatoryRole.Party, null)], [], [],
            [Provision("art_1", [Theme.Withdrawal, Theme.TransportLinks], withdraw, road, rail), Provision("art_2", [Theme.MineAction], joint)],
            [Id("src")]);
        return
        [
            new Source(Id("src"), SourceKind.Other, "A source", null, null, null, null, null, null, Reliability.C),
            new Actor(Id("alpha"), ActorKind.State, "Alpha", null, [], [Id("src")]),
            new Actor(Id("beta"), ActorKind.State, "Beta", null, [], [Id("src")]),
            new Actor(Id("gamma"), ActorKind.Organisation, "Gamma", null, [], [Id("src")]),
            accord,
            Assessment("ob-withdraw", "2021-02-01", AssessmentStatus.InProgress, 1, by: "gamma"),
            Assessment("ob-withdraw", "2021-04-01", AssessmentStatus.Implemented, 3, by: "alpha"),
            Assessment("ob-withdraw", "2021-05-01", AssessmentStatus.Implemented, 3, by: "gamma"),
            Assessment("ob-open-road", "2021-06-01", AssessmentStatus.NotStarted, 0, by: "gamma"),
            Assessment("ob-open-road", "2021-06-15", AssessmentStatus.InProgress, 2, by: "beta"),
            Assessment("ob-joint", "2021-03", AssessmentStatus.InProgress, 2, by: "gamma"),
            Claim("claim-rail-done", "ob-open-rail", "alpha", Stance.Asserts, "2021-07-01"),
            Claim("claim-rail-not-done", "ob-open-rail", "beta", Stance.Denies, "2021-07-02"),
        ];
    }

    public async Task<JsonNode> Get(string url)
    {
        using var response = await CreateClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", DatabasePath);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(
            new FixedClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
