using System.Text;
using Pacta.Tests.Cli;

namespace Pacta.Tests.Restrictions;

/// <summary>
/// The command's side of the walk: every export and report, and <c>list</c>, <c>show</c> and <c>history</c>, leave
/// restricted data out by default (saying on stderr how much) and put it in with <c>--include-restricted</c>.
/// </summary>
public sealed class RestrictedExportTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    private static readonly string[] Kinds =
        ["documents", "obligations", "events", "meetings", "claims", "issues", "places", "actors", "sources", "topics", "assessments"];

    private static readonly string[] Shown = ["hidden-actor", "hidden-document", "hidden-event", RestrictedCase.HiddenObligation, RestrictedCase.OpenEvent];

    [Fact]
    public void Every_export_report_and_listing_leaves_restricted_data_out_unless_asked_to_include_it()
    {
        var db = temp["walk.db"];
        RestrictedCase.Seed(db);
        foreach (var include in new[] { false, true })
        {
            var seen = new StringBuilder();
            var runs = 0;
            foreach (var (args, files) in Commands(include ? "with" : "without"))
            {
                string[] full = [.. args, "--db", db, .. include ? new[] { "--include-restricted" } : []];
                var result = global::Pacta.Tests.Cli.Pacta.Run(full);
                runs++;
                var asked = string.Join(' ', args);
                if (!args.Any(Shown.Contains)) Assert.True(result.ExitCode == 0, $"pacta {asked}: exit {result.ExitCode}: {result.Error}");
                var output = result.Out + result.Error + string.Concat(files.SelectMany(Read));
                // A command asked about an id may repeat it ("no record 'x'"): that is the question's, not the store's.
                var shown = RestrictedCase.WalkedIds.Aggregate(output, (text, id) => args.Contains(id) ? text.Replace(id, "", StringComparison.Ordinal) : text);
                if (!include)
                {
                    foreach (var secret in RestrictedCase.Secrets)
                        Assert.False(shown.Contains(secret, StringComparison.Ordinal), $"pacta {asked} shows '{secret}'");
                    Assert.Contains("Restricted data left out: 10 records and 1 field (--include-restricted puts them in).", result.Error, StringComparison.Ordinal);
                }
                else
                {
                    Assert.DoesNotContain("left out", result.Error, StringComparison.Ordinal);
                }
                seen.Append(shown);
            }
            Assert.Equal(Kinds.Length + 2 * Shown.Length + 11, runs);
            if (include)
            {
                foreach (var secret in RestrictedCase.Secrets.Where(s => !RestrictedCase.WalkedIds.Contains(s)))
                    Assert.True(seen.ToString().Contains(secret, StringComparison.Ordinal), $"with --include-restricted nothing showed '{secret}'");
            }
        }
    }

    /// <summary>Each command's arguments and the files it writes.</summary>
    private IEnumerable<(string[] Args, string[] Files)> Commands(string run)
    {
        string Out(string name) => temp[$"{run}-{name}"];
        yield return (["export", "pacta", Out("dataset")], [Out("dataset")]);
        foreach (var format in new[] { "geojson", "gpkg" })
            yield return (["export", format, "--out", Out("places." + format)], [Out("places." + format)]);
        foreach (var format in new[] { "acled", "plover", "hxl", "csv" })
            yield return (["export", format, "--out", Out("events." + format)], [Out("events." + format)]);
        foreach (var report in new[] { "compliance", "briefing" })
        {
            foreach (var format in new[] { "md", "html" })
                yield return (["report", report, "--format", format, "--out", Out($"{report}.{format}")], [Out($"{report}.{format}")]);
        }
        foreach (var kind in Kinds) yield return (["list", kind, "--json"], []);
        foreach (var id in Shown)
        {
            yield return (["show", id, "--json"], []);
            yield return (["history", id, "--json"], []);
        }
    }

    /// <summary>A file's text, or every file's in a folder; binary files (GeoPackage) as bytes read as UTF-8, where SQLite keeps text as it is.</summary>
    private static IEnumerable<string> Read(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Select(File.ReadAllText)
            : File.Exists(path) ? [Encoding.UTF8.GetString(File.ReadAllBytes(path))] : [];
}
