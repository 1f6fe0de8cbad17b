using System.Net;
using System.Text.Json.Nodes;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Tests.Server.Writes;

/// <summary>
/// Many editors at once on a few records, each edit a draft a reviewer publishes at once: each either lands (and is in
/// the history) or is a 412, when the draft is made or when it is published. None is lost.
/// </summary>
/// <param name="edits">How many edits at once: on PostgreSQL fewer, as each waits for the database's write lock under the
/// command timeout (30 s), which a heavily shared test machine can exceed with a hundred writers queued.</param>
public abstract class ConcurrentEdits(WritesHost host, int edits = 100)
{
    [Fact]
    public async Task Concurrent_edits_over_three_records_lose_no_update()
    {
        if (host.Unavailable is { } why) Assert.Skip(why);
        string[] ids = ["armenia", "azerbaijan", "russia"];
        var before = ids.ToDictionary(id => id, id => host.Records.History(new RecordId(id)).Count);
        var client = host.CreateClient();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, edits).Select(i => Task.Run(async () =>
        {
            var id = ids[i % ids.Length];
            using var read = await WritesHost.Send(client, HttpMethod.Get, $"/api/v1/actors/{id}");
            var body = (await WritesHost.Json(read)).AsObject();
            var note = $"concurrent edit {i}";
            body["note"] = note;
            using var write = await WritesHost.Send(client, HttpMethod.Put, $"/api/v1/actors/{id}", host.ContributorToken, body, read.Headers.ETag!.ToString());
            if (write.StatusCode != HttpStatusCode.Accepted) return (Id: id, Note: note, Status: write.StatusCode);
            using var publish = await host.Publish(client, WritesHost.DraftNumber(write));
            return (Id: id, Note: note, Status: publish.StatusCode);
        }, TestContext.Current.CancellationToken)));

        Assert.All(outcomes, o => Assert.Contains(o.Status, new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));
        var accepted = outcomes.Where(o => o.Status == HttpStatusCode.OK).ToList();
        Assert.NotEmpty(accepted);
        foreach (var id in ids)
        {
            var changes = host.Records.History(new RecordId(id)).Skip(before[id]).ToList();
            var acceptedHere = accepted.Where(o => o.Id == id).Select(o => o.Note).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(acceptedHere.Count, changes.Count);
            Assert.All(changes, c => Assert.Equal((ChangeOperation.Updated, "cora", "api"), (c.Operation, c.Author, c.Command)));
            Assert.All(changes, c => Assert.EndsWith("by cora, published by rita", c.Reason, StringComparison.Ordinal));
            var notes = changes.Select(c => (string)JsonNode.Parse(c.After!)!["note"]!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(acceptedHere, notes);
            // Each accepted edit started from the version the one before it left: the chain of versions has no gap.
            Assert.Equal(before[id] + changes.Count, host.Records.FindVersioned(new RecordId(id))!.Version);
        }
    }
}

/// <summary>Concurrent edits through the API on a SQLite file.</summary>
public sealed class ConcurrentEditsTests(WritesHost host) : ConcurrentEdits(host), IClassFixture<WritesHost>;

/// <summary>Concurrent edits through the API on a PostgreSQL database: each accepted edit in the history, each rejected one a 412.</summary>
public sealed class PostgresConcurrentEditsTests(PostgresWritesHost host) : ConcurrentEdits(host, edits: 30), IClassFixture<PostgresWritesHost>;
