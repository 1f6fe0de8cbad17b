using Pacta.Generation;
using Pacta.Imports;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>Columns are found by their header: any order, extra and missing optional ones are fine; a missing required one or a wrong delimiter is not.</summary>
public sealed class HeaderTests
{
    [Fact]
    public void Columns_in_another_order_with_different_case_and_extra_columns_map_the_same()
    {
        var row = AcledRow();
        var usual = RowMapping.One(RowMapping.Acled(Acled(row)));
        var columns = EventGenerator.AcledColumns.Reverse().Select(c => c == "notes" ? " NOTES " : c).Append("my_own_column").ToList();
        var shuffled = row.With((" NOTES ", row["notes"]), ("my_own_column", "anything at all"));
        var other = RowMapping.One(RowMapping.Acled(Csv(columns, shuffled)));

        Assert.Equal(usual.Origin, other.Origin);
        Assert.Equal(usual.Summary, other.Summary);
        Assert.Equal(usual.Title, other.Title);
        Assert.Equal(usual.Start, other.Start);
        Assert.Equal(usual.Point, other.Point);
        Assert.Equal(usual.Actors, other.Actors);
        Assert.Equal("On 5 October 2020, armed forces clashed near Tartar. 2 fatalities.", other.Summary);
    }

    [Fact]
    public void An_older_acled_file_without_the_newer_optional_columns_reads_and_digests_the_same()
    {
        var row = AcledRow();
        var older = EventGenerator.AcledColumns.Except(["disorder_type", "civilian_targeting", "admin3", "tags"]).ToList();
        var newer = RowMapping.One(RowMapping.Acled(Acled(row)));
        var old = RowMapping.One(RowMapping.Acled(Csv(older, row)));
        Assert.Equal(newer.Origin.Digest, old.Origin.Digest);
        Assert.Equal(newer.Title, old.Title);
    }

    [Fact]
    public void Optional_columns_may_all_be_missing()
    {
        var row = AcledRow();
        var e = RowMapping.One(RowMapping.Acled(Csv(AcledRows.RequiredColumns, row)));
        Assert.Null(e.Summary);
        Assert.Equal("Armed clash", e.Title);
        Assert.Single(e.Actors);
    }

    [Theory]
    [InlineData("fatalities")]
    [InlineData("event_date")]
    [InlineData("event_id_cnty")]
    public void A_missing_required_column_is_named_before_any_row(string missing)
    {
        var columns = EventGenerator.AcledColumns.Where(c => c != missing).ToList();
        var error = Assert.Throws<ImportFileException>(() => RowMapping.Acled(Csv(columns, AcledRow())));
        Assert.Equal((1L, 1), (error.Problem.Line, error.Problem.Column));
        Assert.Contains($"lacks the required column {missing} ", error.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_named_twice_is_refused_where_the_second_starts()
    {
        var error = Assert.Throws<ImportFileException>(() => RowMapping.Acled(string.Join(",", [.. AcledRows.RequiredColumns, "notes", "Notes"]) + "\n"));
        Assert.Contains("names column 'Notes' twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";", "';'")]
    [InlineData("\t", "a tab")]
    [InlineData("|", "'|'")]
    public void A_wrong_delimiter_is_named(string delimiter, string shown)
    {
        var row = AcledRow();
        var text = string.Join(delimiter, EventGenerator.AcledColumns) + "\n" + string.Join(delimiter, EventGenerator.AcledColumns.Select(c => row[c])) + "\n";
        var error = Assert.Throws<ImportFileException>(() => RowMapping.Acled(text));
        Assert.Contains($"separated by {shown}", error.Problem.Reason, StringComparison.Ordinal);
        Assert.Equal("rows.csv:1:1", $"{error.Problem.File}:{error.Problem.Line}:{error.Problem.Column}");
    }

    [Fact]
    public void A_row_with_more_or_fewer_fields_than_the_header_is_refused_at_its_line()
    {
        var text = Acled(AcledRow("A1"), AcledRow("A2"), AcledRow("A3")).Split('\n');
        text[2] += ",extra";
        text[3] = text[3][..text[3].LastIndexOf(',')];
        var mapped = RowMapping.Acled(string.Join('\n', text));
        Assert.NotNull(mapped[0].Event);
        Assert.Equal("rows.csv:3:1: the row has 32 fields but the header 31: a delimiter too many or too few, or a quote not closed", mapped[1].Problem!.ToString());
        Assert.Equal(4, mapped[2].Problem!.Line);
        Assert.Contains("has 30 fields", mapped[2].Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_headerless_ucdp_release_is_read_in_the_published_order_first_row_included()
    {
        var text = Ucdp(UcdpRow("500001"), UcdpRow("500002"));
        var headerless = text[(text.IndexOf('\n') + 1)..];
        var mapped = RowMapping.Ucdp(headerless);
        Assert.Equal(["500001", "500002"], mapped.Select(m => m.Event!.Origin.Key));
        var withHeader = RowMapping.Ucdp(text);
        Assert.Equal(withHeader.Select(m => m.Event!.Origin.Digest), mapped.Select(m => m.Event!.Origin.Digest));
    }

    [Fact]
    public void A_headerless_file_whose_first_field_is_not_a_number_is_not_taken_for_data()
    {
        var text = Ucdp(UcdpRow("500001").With(("id", "x500001")));
        var headerless = text[(text.IndexOf('\n') + 1)..];
        // Read as a header, the row's values name no column UCDP requires (and name some twice): refused before any row.
        var error = Assert.Throws<ImportFileException>(() => RowMapping.Ucdp(headerless));
        Assert.Equal(1, error.Problem.Line);
        Assert.Matches("names column '.*' twice|lacks the required columns", error.Problem.Reason);
    }

    [Fact]
    public void The_cli_refuses_a_file_missing_a_required_column_with_exit_3_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var before = Contents(db);
        var file = Write(folder, "old.csv", Csv(EventGenerator.AcledColumns.Where(c => c != "geo_precision").ToList(), AcledRow()));

        var result = Import(db, "acled", file);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{file}:1:1: the header lacks the required column geo_precision", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db));
    }

    [Fact]
    public void The_cli_imports_a_headerless_ucdp_release()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var text = Ucdp(UcdpRow("500001"), UcdpRow("500002", "2020-10-07"));
        var file = Write(folder, "ged.csv", text[(text.IndexOf('\n') + 1)..]);

        var result = Import(db, "ucdp", file);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["ucdp-500001", "ucdp-500002"], ImportedEvents(db).Keys.Select(k => k.Value).Order());
    }

    [Fact]
    public void The_cli_reads_a_file_with_a_byte_order_mark_and_crlf_line_ends()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var text = Acled(AcledRow("AZE1"), AcledRow("AZE2").With(("notes", "two\nlines"))).Replace("\n", "\r\n", StringComparison.Ordinal);
        var file = folder["bom.csv"];
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);

        var result = Import(db, "acled", file);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["acled-aze1", "acled-aze2"], ImportedEvents(db).Keys.Select(k => k.Value).Order());
        Assert.Equal("two\r\nlines", Load<Pacta.Model.Event>(db, "acled-aze2").Summary); // inside quotes, the line break is the file's
    }
}
