using System.Text.Json.Nodes;
using Pacta.Tests.Datasets;

namespace Pacta.Tests.Cli;

public sealed class CommandTests
{
    [Fact]
    public void Init_with_the_sample_lists_the_bundled_documents_and_shows_the_2020_statement()
    {
        using var folder = new TempFolder();
        var db = folder["case.db"];

        Assert.Equal(0, Pacta.Run("init", "--db", db, "--sample").ExitCode);
        var list = Pacta.Run("list", "documents", "--db", db);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("trilateral-statement-2020-11-10", list.Out, StringComparison.Ordinal);
        Assert.Contains("unsc-resolution-822-1993-04-30", list.Out, StringComparison.Ordinal);

        var show = Pacta.Run("show", "trilateral-statement-2020-11-10", "--db", db);
        Assert.Equal(0, show.ExitCode);
        for (var article = 1; article <= 9; article++)
            Assert.Contains($"[art_{article}]", show.Out, StringComparison.Ordinal);
        Assert.Contains("ts2020-art9-transit-guarantee", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_of_a_document_has_its_provisions_each_with_its_obligations()
    {
        using var folder = new TempFolder();
        var db = folder["case.db"];
        Pacta.Run("init", "--db", db, "--sample");

        var show = Pacta.Run("show", "trilateral-statement-2020-11-10", "--json", "--db", db);
        var document = JsonNode.Parse(show.Out)!.AsObject();
        Assert.Equal("trilateral-statement-2020-11-10", (string?)document["id"]);
        var provisions = document["provisions"]!.AsArray();
        Assert.Equal(9, provisions.Count);
        Assert.All(provisions, p => Assert.NotNull(p!["obligations"]));
        Assert.Equal("2020-11-09", (string?)document["dates"]!["signed"]);
    }

    [Fact]
    public void The_json_of_a_claim_names_its_asserter_stance_and_sources()
    {
        using var folder = new TempFolder();
        var db = folder["case.db"];
        Pacta.Run("init", "--db", db, "--sample");

        var claims = JsonNode.Parse(Pacta.Run("list", "claims", "--json", "--db", db).Out)!.AsArray();
        Assert.NotEmpty(claims);
        Assert.All(claims, c =>
        {
            Assert.NotNull(c!["id"]);
            Assert.NotNull(c["asserter"]);
            Assert.Contains((string)c["stance"]!, new[] { "asserts", "denies", "disputes" });
            Assert.NotEmpty(c["sources"]!.AsArray());
        });
        var obligations = JsonNode.Parse(Pacta.Run("list", "obligations", "--json", "--db", db).Out)!.AsArray();
        Assert.Contains(obligations, o => (string?)o!["document"] == "trilateral-statement-2020-11-10" && (string?)o["provision"] == "art_9");
    }

    [Fact]
    public void The_bundled_case_is_valid()
    {
        var result = Pacta.Run("validate", Pacta.BundledCase);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public void A_broken_copy_exits_3_with_located_messages()
    {
        using var data = new TempDataset();
        data.Replace("events.yaml", "end: 2020-07-16", "end: 2020-07-01");
        data.Replace("actors.yaml", "name: State B", "name: State B\n  bogus: 1");

        var result = Pacta.Run("validate", data.Directory);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{data.PathOf("events.yaml")}:5:8: end (2020-07-01) is before start (2020-07-12)", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{data.PathOf("actors.yaml")}:8:3: unknown key 'bogus'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>One of each class of bad input: file, text to find, its replacement (null: append bytes that are not UTF-8), the message.</summary>
    public static TheoryData<string, string, string?, string> BadInputs => new()
    {
        { "actors.yaml", "  kind: state\n  name: State A", "  kind: state\n   name: [unclosed", "malformed YAML" },
        { "actors.yaml", "", null, "not UTF-8" },
        { "topics.yaml", "", "- {id: state-a, title: Twice, sources: [src-a]}", "duplicate id 'state-a'" },
        { "topics.yaml", "", "- {id: restricted, title: Reserved, sources: [src-a]}", "the id 'restricted' is reserved" },
        { "documents/statement-2020-11-10.yaml", "bearers: [state-a]", "bearers: [nobody-known]", "'nobody-known' names no record" },
        { "events.yaml", "precision: near", "precision: nearby", "'nearby' is not one of" },
        { "events.yaml", "end: 2020-07-16", "end: 2020-07-01", "end (2020-07-01) is before start" },
        { "places.yaml", "[46.7518, 39.8153]", "[46.7518, 91]", "latitude 91 is outside" },
        { "places.yaml", "{type: Point, coordinates: [46.7518, 39.8153]}", "{type: Polygon, coordinates: [[[46, 39], [47, 40], [47, 39], [46, 40], [46, 39]]]}", "self-intersection" },
        { "places.yaml", "{type: Point, coordinates: [46.7518, 39.8153]}", "{type: Polygon, coordinates: [[[46, 39], [47, 39], [47, 40], [46, 40]]]}", "closed" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Importing_bad_input_exits_3_and_leaves_the_store_byte_for_byte_unchanged(string file, string find, string? replacement, string expected)
    {
        using var folder = new TempFolder();
        using var data = new TempDataset();
        var db = folder["store.db"];
        Pacta.Run("init", "--db", db, "--sample");
        var before = Pacta.Hash(db);

        if (replacement is null) File.WriteAllBytes(data.PathOf(file), [.. File.ReadAllBytes(data.PathOf(file)), 0xFF, 0xFE, (byte)'\n']);
        else if (find.Length == 0) data.Write(file, replacement);
        else data.Replace(file, find, replacement);
        var result = Pacta.Run("import", "pacta", data.Directory, "--db", db);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"^/.+\.yaml:\d+:\d+: ", result.Error);
        Assert.Contains("Nothing was written.", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Pacta.Hash(db));
    }

    /// <summary>The compliance rules of a dataset: a file to write, what it holds, the message expected at file:line:col.</summary>
    public static TheoryData<string, string, string, string> ComplianceBadInputs => new()
    {
        {
            "assessments.yaml",
            "- {id: assess-1, obligation: o-withdraw, asOf: 2020-06, status: implemented, score: 3, rationale: x, evidence: [clash-1], assessor: state-b, sources: [src-a]}",
            "assessments.yaml:1:",
            "as of 2020-06, before document 'statement-2020-11-10' existed"
        },
        {
            "assessments.yaml",
            "- {id: assess-1, obligation: o-withdraw, asOf: 2020-12, status: implemented, score: 3, rationale: x, evidence: [no-such-event], assessor: state-b, sources: [src-a]}",
            "assessments.yaml:1:",
            "'no-such-event' names no record"
        },
        {
            "documents/statement-2020-11-10.yaml",
            TempDataset.Document.Replace("action: cease fire", "action: cease fire\n        linkage: [{type: conditional-on, obligation: o-open}]", StringComparison.Ordinal),
            "statement-2020-11-10.yaml:20:",
            "conditional linkage forms a cycle: o-ceasefire → o-open → o-ceasefire"
        },
    };

    [Theory]
    [MemberData(nameof(ComplianceBadInputs))]
    public void Validating_and_importing_a_compliance_error_exit_3_at_file_line_col(string file, string text, string at, string expected)
    {
        using var folder = new TempFolder();
        using var data = new TempDataset();
        data.Write(file, text);
        var db = folder["store.db"];
        Pacta.Run("init", "--db", db);
        var before = Pacta.Hash(db);

        var validate = Pacta.Run("validate", data.Directory);
        var import = Pacta.Run("import", "pacta", data.Directory, "--db", db);

        foreach (var result in new[] { validate, import })
        {
            Assert.Equal(3, result.ExitCode);
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(at)}\d+: {System.Text.RegularExpressions.Regex.Escape(expected)}", result.Error);
        }
        Assert.Equal(before, Pacta.Hash(db));
    }

    [Fact]
    public void Importing_an_empty_folder_exits_3_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var db = folder["store.db"];
        Pacta.Run("init", "--db", db);
        var before = Pacta.Hash(db);
        Directory.CreateDirectory(folder["empty"]);

        var result = Pacta.Run("import", "pacta", folder["empty"], "--db", db);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("dataset.yaml:1:1: missing", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Pacta.Hash(db));
    }

    [Fact]
    public void Importing_the_same_folder_twice_changes_nothing()
    {
        using var folder = new TempFolder();
        using var data = new TempDataset();
        var db = folder["store.db"];
        Pacta.Run("init", "--db", db);

        Assert.Equal(0, Pacta.Run("import", "pacta", data.Directory, "--db", db).ExitCode);
        var after = Pacta.Hash(db);
        var again = Pacta.Run("import", "pacta", data.Directory, "--db", db);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 created, 0 updated, 8 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(after, Pacta.Hash(db));
    }

    [Fact]
    public void Import_export_import_gives_an_identical_store()
    {
        using var folder = new TempFolder();
        var first = folder["first.db"];
        var second = folder["second.db"];
        Pacta.Run("init", "--db", first, "--sample");
        Assert.Equal(0, Pacta.Run("export", "pacta", folder["export-1"], "--db", first).ExitCode);
        Pacta.Run("init", "--db", second);
        Assert.Equal(0, Pacta.Run("import", "pacta", folder["export-1"], "--db", second).ExitCode);
        Assert.Equal(0, Pacta.Run("export", "pacta", folder["export-2"], "--db", second).ExitCode);

        foreach (var kind in new[] { "documents", "obligations", "events", "meetings", "claims", "issues", "places", "actors", "sources", "topics", "assessments" })
            Assert.Equal(Pacta.Run("list", kind, "--json", "--db", first).Out, Pacta.Run("list", kind, "--json", "--db", second).Out);
        var files = Directory.EnumerateFiles(folder["export-1"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder["export-1"], f)).Order().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
            Assert.Equal(File.ReadAllText(Path.Combine(folder["export-1"], file)), File.ReadAllText(Path.Combine(folder["export-2"], file)));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("list", "unicorns")]
    [InlineData("show", "Not An Id")]
    [InlineData("list", "documents", "--no-such-option")]
    public void A_usage_error_exits_2(params string[] args)
    {
        var result = Pacta.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pacta: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_record_or_store_exits_1_with_a_message_and_no_stack_trace()
    {
        using var folder = new TempFolder();
        var missingStore = Pacta.Run("list", "documents", "--db", folder["nothing.db"]);
        Assert.Equal(1, missingStore.ExitCode);
        Assert.Contains("no such store", missingStore.Error, StringComparison.Ordinal);

        Pacta.Run("init", "--db", folder["empty.db"]);
        var missingRecord = Pacta.Run("show", "no-such-record", "--db", folder["empty.db"]);
        Assert.Equal(1, missingRecord.ExitCode);
        Assert.Contains("no record has the id 'no-such-record'", missingRecord.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missingRecord.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_refuses_to_replace_a_store_without_force()
    {
        using var folder = new TempFolder();
        var db = folder["store.db"];
        Pacta.Run("init", "--db", db);
        var before = Pacta.Hash(db);

        Assert.Equal(1, Pacta.Run("init", "--db", db).ExitCode);
        Assert.Equal(before, Pacta.Hash(db));
        Assert.Equal(0, Pacta.Run("init", "--db", db, "--force").ExitCode);
    }

    [Fact]
    public void Without_db_or_PACTA_DB_the_store_is_pacta_db_in_the_working_folder()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Pacta.RunIn(folder.Path, "init").ExitCode);
        Assert.True(File.Exists(folder["pacta.db"]));
    }
}
