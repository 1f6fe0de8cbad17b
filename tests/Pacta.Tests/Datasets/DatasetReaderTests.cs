using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Tests.Datasets;

public sealed class DatasetReaderTests
{
    [Fact]
    public void A_valid_dataset_reads_every_record_and_obligation()
    {
        using var data = new TempDataset();
        var (dataset, problems) = DatasetReader.Check(data.Directory);

        Assert.Empty(problems);
        Assert.NotNull(dataset);
        Assert.Equal("test-case", dataset.Info.Id.Value);
        Assert.Equal(8, dataset.Records.Count);
        var document = Assert.Single(dataset.OfType<Document>());
        Assert.Equal(["o-ceasefire", "o-withdraw", "o-open"], document.Obligations.Select(o => o.Id.Value));
        Assert.Equal("Two things,\non two lines.\n", document.Provisions[1].Summary + "\n");
        Assert.Equal(DatePrecision.Month, document.Provisions[1].Obligations[1].Period!.From.Precision);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_and_column()
    {
        using var data = new TempDataset();
        data.Write("actors.yaml", "- id: state-a\n  kind: state\n   name: [unclosed\n");

        var problem = Assert.Single(Errors(data));
        Assert.Equal(data.PathOf("actors.yaml"), problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Contains("malformed YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_at_the_first_bad_byte()
    {
        using var data = new TempDataset();
        File.WriteAllBytes(data.PathOf("actors.yaml"), [.. "- id: state-a\n  name: Caf"u8, 0xE9, .. "\n"u8]);

        var problem = Assert.Single(Errors(data));
        Assert.Equal((2, 12), (problem.Line, problem.Column));
        Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        using var data = new TempDataset();
        File.WriteAllBytes(data.PathOf("actors.yaml"), [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(data.PathOf("actors.yaml"))]);

        Assert.Empty(Errors(data));
    }

    [Fact]
    public void A_duplicate_id_is_reported_where_it_is_used_again_and_names_the_first_use()
    {
        using var data = new TempDataset();
        data.Write("topics.yaml", "- id: topic-x\n  title: A topic\n  sources: [src-a]\n- id: state-a\n  title: Same id as an actor\n  sources: [src-a]\n");

        var problem = Assert.Single(Errors(data));
        Assert.Equal((data.PathOf("topics.yaml"), 4, 7), (problem.File, problem.Line, problem.Column));
        Assert.Contains("duplicate id 'state-a'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("actors.yaml:1:7", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_reference_is_reported_where_it_is_written()
    {
        using var data = new TempDataset();
        data.Replace("documents/statement-2020-11-10.yaml", "bearers: [state-a]", "bearers: [state-z]");

        var problem = Assert.Single(Errors(data));
        Assert.EndsWith("statement-2020-11-10.yaml", problem.File, StringComparison.Ordinal);
        Assert.Equal((29, 19), (problem.Line, problem.Column));
        Assert.Equal("'state-z' names no record: expected an actor", problem.Message);
    }

    [Fact]
    public void A_reference_to_the_wrong_kind_of_record_is_an_error()
    {
        using var data = new TempDataset();
        data.Replace("claims.yaml", "asserter: state-a", "asserter: src-a");

        var problem = Assert.Single(Errors(data));
        Assert.Equal(3, problem.Line);
        Assert.Contains("'src-a' is a source, but an actor is expected", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_vocabulary_term_lists_the_known_ones()
    {
        using var data = new TempDataset();
        data.Replace("events.yaml", "precision: near", "precision: nearby");

        var problem = Assert.Single(Errors(data));
        Assert.Equal(6, problem.Line);
        Assert.Equal("'nearby' is not one of: exact, near, district, province, area, country, international", problem.Message);
    }

    [Fact]
    public void An_unknown_key_is_an_error_not_silently_dropped()
    {
        using var data = new TempDataset();
        data.Replace("actors.yaml", "  kind: state\n  name: State B", "  kind: state\n  nmae: State B");

        var problem = Assert.Single(Errors(data));
        Assert.Equal((7, 3), (problem.Line, problem.Column));
        Assert.StartsWith("unknown key 'nmae'; known keys: id, kind, name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_before_the_start_is_reported_at_the_end()
    {
        using var data = new TempDataset();
        data.Replace("events.yaml", "end: 2020-07-16", "end: 2020-07-01");

        var problem = Assert.Single(Errors(data));
        Assert.Equal((5, 8), (problem.Line, problem.Column));
        Assert.Equal("end (2020-07-01) is before start (2020-07-12)", problem.Message);
    }

    [Fact]
    public void A_nested_invalid_value_is_reported_inside_the_nested_object()
    {
        using var data = new TempDataset();
        data.Replace("events.yaml", "{low: 1, best: 2, high: 5}", "{low: 3, best: 2, high: 5}");

        var problem = Assert.Single(Errors(data));
        Assert.Equal(8, problem.Line);
        Assert.Contains("low must lie within 0..best (2)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{type: Polygon, coordinates: [[[46, 39], [47, 39], [47, 40], [46, 40]]]}", "closed")]
    [InlineData("{type: Polygon, coordinates: [[[46, 39], [47, 40], [47, 39], [46, 40], [46, 39]]]}", "self-intersection")]
    [InlineData("{type: Point, coordinates: [46.75, 91]}", "latitude 91 is outside -90..90")]
    [InlineData("{type: Point, coordinates: [46.75, 39.8, 500]}", "two dimensions")]
    public void An_invalid_geometry_is_reported_at_the_geometry(string geometry, string expected)
    {
        using var data = new TempDataset();
        data.Replace("places.yaml", "{type: Point, coordinates: [46.7518, 39.8153]}", geometry);

        var problem = Assert.Single(Errors(data));
        Assert.Equal(data.PathOf("places.yaml"), problem.File);
        Assert.Equal(6, problem.Line);
        Assert.Contains(expected, problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_empty_folder_is_not_a_dataset()
    {
        var empty = Directory.CreateTempSubdirectory("pacta-empty-").FullName;
        try
        {
            var (dataset, problems) = DatasetReader.Check(empty);
            Assert.Null(dataset);
            var problem = Assert.Single(problems);
            Assert.Contains("dataset.yaml", problem.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void A_cycle_of_conditions_is_an_error()
    {
        using var data = new TempDataset();
        data.Replace("documents/statement-2020-11-10.yaml", "action: cease fire", "action: cease fire\n        linkage: [{type: conditional-on, obligation: o-open}]");

        var problem = Assert.Single(Errors(data));
        Assert.Contains("conditional linkage forms a cycle: o-ceasefire → o-open → o-ceasefire", problem.Message, StringComparison.Ordinal);
        Assert.Equal((data.PathOf("documents/statement-2020-11-10.yaml"), 20), (problem.File, problem.Line)); // the link that leaves o-ceasefire
    }

    [Fact]
    public void A_longer_cycle_is_named_whole_and_reported_once()
    {
        using var data = new TempDataset();
        data.Replace("documents/statement-2020-11-10.yaml", "action: cease fire", "action: cease fire\n        linkage: [{type: conditional-on, obligation: o-withdraw}]");
        data.Replace("documents/statement-2020-11-10.yaml", "linkage: [{type: reciprocal-to, obligation: o-open}]", "linkage: [{type: reciprocal-to, obligation: o-open}, {type: conditional-on, obligation: o-open}]");

        var problem = Assert.Single(Errors(data));
        Assert.Contains("o-ceasefire → o-withdraw → o-open → o-ceasefire", problem.Message, StringComparison.Ordinal);
    }

    private const string Assessment = """
        - id: assess-1
          obligation: o-withdraw
          asOf: 2020-11-21
          status: implemented
          score: 3
          rationale: Done on time.
          evidence: [clash-1, claim-b]
          assessor: state-b
          sources: [src-a]
        """;

    [Fact]
    public void An_assessment_dated_before_its_document_is_an_error_at_its_date()
    {
        using var data = new TempDataset();
        data.Write("assessments.yaml", Assessment.Replace("asOf: 2020-11-21", "asOf: 2020-10", StringComparison.Ordinal));

        var problem = Assert.Single(Errors(data));
        Assert.Equal((data.PathOf("assessments.yaml"), 3, 9), (problem.File, problem.Line, problem.Column));
        Assert.Contains("as of 2020-10, before document 'statement-2020-11-10' existed (its earliest date is 2020-11-09)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assessment_in_the_month_the_document_was_made_may_stand()
    {
        using var data = new TempDataset();
        data.Write("assessments.yaml", Assessment.Replace("asOf: 2020-11-21", "asOf: 2020-11", StringComparison.Ordinal));

        Assert.Empty(Errors(data));
    }

    [Fact]
    public void Evidence_that_does_not_exist_is_an_error_at_the_evidence()
    {
        using var data = new TempDataset();
        data.Write("assessments.yaml", Assessment.Replace("[clash-1, claim-b]", "[clash-1, no-such-claim]", StringComparison.Ordinal));

        var problem = Assert.Single(Errors(data));
        Assert.Equal((data.PathOf("assessments.yaml"), 7), (problem.File, problem.Line));
        Assert.Contains("'no-such-claim' names no record", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_of_the_wrong_kind_is_an_error()
    {
        using var data = new TempDataset();
        data.Write("assessments.yaml", Assessment.Replace("[clash-1, claim-b]", "[state-a]", StringComparison.Ordinal));

        var problem = Assert.Single(Errors(data));
        Assert.Contains("'state-a' is an actor", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_file_must_be_named_by_its_id()
    {
        using var data = new TempDataset();
        File.Move(data.PathOf("documents/statement-2020-11-10.yaml"), data.PathOf("documents/other.yaml"));

        var problem = Assert.Single(Errors(data));
        Assert.Contains("must be named statement-2020-11-10.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_are_refused_so_a_small_file_cannot_expand_without_bound()
    {
        using var data = new TempDataset();
        data.Write("topics.yaml", "- &t {id: topic-a, title: A, sources: [src-a]}\n- *t\n");

        var problem = Assert.Single(Errors(data));
        Assert.Contains("aliases", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_assessment_is_a_warning_that_stays_visible()
    {
        using var data = new TempDataset();
        data.Write("assessments.yaml", """
            - id: assess-1
              obligation: o-withdraw
              asOf: 2020-11-21
              status: implemented
              score: 3
              rationale: Done on time.
              evidence: [clash-1]
              assessor: state-a
              sources: [src-a]
            """);

        var (_, problems) = DatasetReader.Check(data.Directory);
        var problem = Assert.Single(problems);
        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Contains("self-assessment", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_outside_zero_to_three_is_refused()
    {
        using var data = new TempDataset();
        data.Write("assessments.yaml", "- {id: assess-1, obligation: o-withdraw, asOf: 2020-11-21, status: implemented, score: 4, rationale: x, assessor: state-b, sources: [src-a]}\n");

        var problem = Assert.Single(Errors(data));
        Assert.Contains("PAM score is 0, 1, 2 or 3, not 4", problem.Message, StringComparison.Ordinal);
    }

    private static List<Problem> Errors(TempDataset data) =>
        DatasetReader.Check(data.Directory).Problems.Where(p => p.Severity == Severity.Error).ToList();
}
