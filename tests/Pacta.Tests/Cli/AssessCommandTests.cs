using System.Text.Json.Nodes;
using Pacta.Cli.Compliance;
using Pacta.Model;
using Pacta.Tests.Datasets;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta assess</c> run as a user runs it, on a store holding the small test dataset and a neutral monitor.</summary>
public sealed class AssessCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TempDataset data = new();
    private readonly string db;

    public AssessCommandTests()
    {
        db = folder["store.db"];
        data.Write("actors.yaml", TempDataset.Actors + "\n- {id: monitor, kind: ngo, name: A monitor, sources: [src-a]}");
        Assert.Equal(0, Pacta.Run("init", "--db", db).ExitCode);
        var import = Pacta.Run("import", "pacta", data.Directory, "--db", db);
        Assert.True(import.ExitCode == 0, import.Error);
    }

    public void Dispose()
    {
        data.Dispose();
        folder.Dispose();
    }

    private Pacta.Result Assess(params string[] args) => Pacta.Run(["assess", .. args, "--db", db]);

    private static readonly string[] Valid =
        ["o-withdraw", "--status", "implemented", "--score", "3", "--as-of", "2020-11-21", "--by", "monitor", "--evidence", "clash-1", "--rationale", "Withdrawn on time."];

    [Fact]
    public void An_assessment_is_written_once_with_history_and_the_new_state_is_printed()
    {
        var result = Assess(Valid);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        Assert.Contains("Assessment assess-o-withdraw-2020-11-21-monitor recorded.", result.Out, StringComparison.Ordinal);
        Assert.Contains(": implemented, score 3", result.Out, StringComparison.Ordinal);
        Assert.Contains("due 2020-11-20: not overdue", result.Out, StringComparison.Ordinal);

        var stored = JsonNode.Parse(Pacta.Run("show", "assess-o-withdraw-2020-11-21-monitor", "--json", "--db", db).Out)!;
        Assert.Equal("o-withdraw", (string?)stored["obligation"]);
        Assert.Equal("2020-11-21", (string?)stored["asOf"]);
        Assert.Equal(3, (int?)stored["score"]);
        Assert.Equal(["src-a"], stored["sources"]!.AsArray().Select(s => (string?)s)); // the evidence's own source

        var history = Pacta.Run("history", "assess-o-withdraw-2020-11-21-monitor", "--db", db);
        Assert.Contains("pacta assess o-withdraw", history.Out, StringComparison.Ordinal);
        Assert.Single(JsonNode.Parse(Pacta.Run("list", "assessments", "--json", "--db", db).Out)!.AsArray());
    }

    [Fact]
    public void The_same_view_again_is_one_record_and_a_changed_one_updates_it()
    {
        Assess(Valid);
        var before = Pacta.Hash(db);

        var again = Assess(Valid);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, Pacta.Hash(db));

        var changed = Assess([.. Valid[..4], "2", .. Valid[5..]]);
        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("updated", changed.Out, StringComparison.Ordinal);
        Assert.Contains(": implemented, score 2", changed.Out, StringComparison.Ordinal);
        Assert.Single(JsonNode.Parse(Pacta.Run("list", "assessments", "--json", "--db", db).Out)!.AsArray());
    }

    [Fact]
    public void A_bearer_assessing_itself_is_recorded_with_a_warning_and_shown_as_a_self_assessment()
    {
        var result = Assess("o-withdraw", "--status", "implemented", "--score", "3", "--as-of", "2020-11-21", "--by", "state-a",
            "--evidence", "claim-a", "--rationale", "We did it.");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: self-assessment: 'state-a' bears obligation 'o-withdraw'", result.Error, StringComparison.Ordinal);
        var show = Pacta.Run("show", "o-withdraw", "--db", db);
        Assert.Contains("[self-assessment]", show.Out, StringComparison.Ordinal);
        Assert.Contains("self-assessed by: State A", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_that_differ_show_the_obligation_as_disputed_with_both_kept()
    {
        Assess(Valid);
        var result = Assess("o-withdraw", "--status", "in-progress", "--as-of", "2020-12", "--by", "state-b", "--evidence", "claim-b,src-a",
            "--rationale", "Not complete.");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": disputed, score 3", result.Out, StringComparison.Ordinal); // only the monitor scored
        Assert.Contains("current views (2)", result.Out, StringComparison.Ordinal);
    }

    /// <summary>Each bad value: the options that replace the valid ones, and what the message must say.</summary>
    public static TheoryData<string[], string> BadValues => new()
    {
        { ["--score", "4"], "--score '4': a PAM score is 0 (not started), 1 (minimal), 2 (intermediate) or 3 (full)" },
        { ["--score", "three"], "--score 'three': a PAM score is 0" },
        { ["--score", "-1"], "--score '-1': a PAM score is 0" },
        { ["--status", "done"], "--status 'done': not a status; choose one of not-started, in-progress, implemented, violated, disputed, lapsed" },
        { ["--as-of", "2020-02-30"], "--as-of: '2020-02-30' is not a day of the calendar" },
        { ["--as-of", "yesterday"], "--as-of: 'yesterday' is not a date" },
        { ["--as-of", "2020-10"], "--as-of: as of 2020-10, before document 'statement-2020-11-10' existed (its earliest date is 2020-11-09)" },
        { ["--as-of", "2999-01-01"], "--as-of 2999-01-01: in the future" },
        { ["--by", "nobody"], "--by 'nobody': no actor has this id" },
        { ["--by", "src-a"], "--by 'src-a' is a source; the assessor must be an actor" },
        { ["--evidence", "no-such-event"], "--evidence 'no-such-event': no record has this id" },
        { ["--evidence", "state-b"], "--evidence 'state-b' is an actor; evidence is an event, a claim, a source or a document" },
        { ["--evidence", "o-open"], "--evidence 'o-open' is an obligation" },
        { ["--source", "clash-1"], "--source 'clash-1': no source has this id" },
        { ["--obligation", "o-nothing"], "OBLIGATION 'o-nothing': no obligation has this id" },
        { ["--obligation", "clash-1"], "OBLIGATION 'clash-1' is an event, not an obligation" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_exits_3_with_a_precise_message_and_writes_nothing(string[] replace, string expected)
    {
        var before = Pacta.Hash(db);
        var args = Valid.ToList();
        if (replace[0] == "--obligation") args[0] = replace[1];
        else if (args.IndexOf(replace[0]) is var at and >= 0) args[at + 1] = replace[1];
        else args.AddRange(replace);

        var result = Assess([.. args]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("pacta: " + expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Pacta.Hash(db));
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once()
    {
        var result = Assess("o-withdraw", "--status", "done", "--score", "9", "--as-of", "2020-13", "--by", "nobody", "--evidence", "nothing",
            "--rationale", "x");

        Assert.Equal(3, result.ExitCode);
        foreach (var option in new[] { "--status", "--score", "--as-of", "--by", "--evidence" })
            Assert.Contains($"pacta: {option}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_option_is_a_usage_error()
    {
        var result = Assess("o-withdraw", "--status", "implemented", "--as-of", "2020-11-21");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("assess needs --by, --rationale, --evidence", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_too_long_is_cut_and_kept_unique_by_a_hash()
    {
        var obligation = new RecordId(string.Join('-', Enumerable.Repeat("long", 19)));
        var first = AssessCommand.IdFor(obligation, PartialDate.Parse("2020-W46"), new RecordId("pacta-editors"));
        var second = AssessCommand.IdFor(obligation, PartialDate.Parse("2020-W47"), new RecordId("pacta-editors"));

        Assert.True(first.Value.Length <= RecordId.MaxLength);
        Assert.StartsWith("assess-long-long", first.Value, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal("assess-o-1-2020-w46-pacta-editors", AssessCommand.IdFor(new RecordId("o-1"), PartialDate.Parse("2020-W46"), new RecordId("pacta-editors")).Value);
    }
}
