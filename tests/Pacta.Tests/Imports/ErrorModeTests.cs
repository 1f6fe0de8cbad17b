using System.Text;
using Pacta.Generation;
using Pacta.Model;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>
/// <c>--on-error stop</c>: the first bad row ends the import with <c>file:line:col: reason</c>, exit 3, and the store as
/// it was. <c>--on-error skip</c>: good rows land, bad ones go to a rejects file that can be corrected and imported as it is.
/// </summary>
public sealed class ErrorModeTests
{
    private static readonly Dictionary<string, string>[] Rows =
    [
        AcledRow("AZE201", "2020-10-05"),
        AcledRow("AZE202", "2020-10-06"),
        AcledRow("AZE203", "2021-02-30"),
        AcledRow("AZE204", "2020-10-08").With(("latitude", "140.5")),
        AcledRow("AZE205", "2020-10-09"),
    ];

    private static int Column(Dictionary<string, string> row, string column) =>
        string.Join(",", EventGenerator.AcledColumns.TakeWhile(c => c != column).Select(c => Quote(row[c]))).Length + 2;

    [Fact]
    public void Stop_exits_3_naming_file_line_and_column_and_leaves_the_store_byte_for_byte()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var before = Contents(db);
        var hash = global::Pacta.Tests.Cli.Pacta.Hash(db);
        var file = Write(folder, "acled.csv", Acled(Rows));

        var result = Import(db, "acled", file);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{file}:4:{Column(Rows[2], "event_date")}: event_date: '2021-02-30' is not a date", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AZE204", result.Error, StringComparison.Ordinal); // the first bad row ends it
        Assert.Equal(before, Contents(db));
        Assert.Equal(hash, global::Pacta.Tests.Cli.Pacta.Hash(db));
        Assert.False(File.Exists(file + ".rejects.csv"));
    }

    [Fact]
    public void Skip_writes_the_good_rows_and_lists_the_bad_with_the_input_header_and_pacta_error()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Write(folder, "acled.csv", Acled(Rows));
        var rejectsPath = folder["bad.csv"];

        var result = Import(db, "acled", file, "--on-error", "skip", "--rejects", rejectsPath, "--batch", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("3 created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 2 rejected", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Rejected rows and their reasons: {rejectsPath}", result.Out, StringComparison.Ordinal);
        Assert.Equal(["acled-aze201", "acled-aze202", "acled-aze205"], ImportedEvents(db).Keys.Select(k => k.Value).Order());
        var rejects = IdempotenceTests.CsvRows(rejectsPath);
        Assert.Equal([.. EventGenerator.AcledColumns, "pacta_error"], rejects[0]);
        Assert.Equal(3, rejects.Count);
        Assert.Equal([.. EventGenerator.AcledColumns.Select(c => Rows[2][c])], rejects[1].Take(31));
        Assert.Equal($"{file}:4:{Column(Rows[2], "event_date")}: event_date: '2021-02-30' is not a date (write 2020-11-10 or 10 November 2020; the day must exist)", rejects[1][^1]);
        Assert.Equal($"{file}:5:{Column(Rows[3], "latitude")}: latitude: 140.5 is outside -90..90", rejects[2][^1]);
        AssertConsistent(db);
    }

    [Fact]
    public void A_corrected_rejects_file_imports_as_it_is()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Write(folder, "acled.csv", Acled(Rows));
        Assert.Equal(0, Import(db, "acled", file, "--on-error", "skip").ExitCode);

        var rejects = File.ReadAllText(file + ".rejects.csv");
        var corrected = Write(folder, "corrected.csv", rejects.Replace("2021-02-30", "2021-02-28", StringComparison.Ordinal).Replace("140.5", "40.5", StringComparison.Ordinal));
        var again = Import(db, "acled", corrected);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("2 created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 0 rejected", again.Out, StringComparison.Ordinal);
        Assert.Equal(5, ImportedEvents(db).Count);
        Assert.Equal(PartialDate.Day(2021, 2, 28), Load<Event>(db, "acled-aze203").Start);
        Assert.Equal(40.5, Load<Event>(db, "acled-aze204").Place!.Point!.Latitude);
    }

    [Fact]
    public void Plover_rejects_are_json_lines_with_the_line_as_it_was()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var bad = "{\"id\": \"pl-2\", \"date\": \"2020-13-01\", \"event\": \"ASSAULT\"}";
        var file = Write(folder, "p.jsonl", PloverMappingTests.Line("pl-1").ToJsonString() + "\n" + bad + "\n[1]\n");

        var result = Import(db, "plover", file, "--on-error", "skip");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = File.ReadAllLines(file + ".rejects.jsonl");
        Assert.Equal(2, lines.Length);
        var first = System.Text.Json.JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(bad, first.GetProperty("row").GetString());
        Assert.Equal($"{file}:2:{bad.IndexOf("\"date\"", StringComparison.Ordinal) + 1}: date: '2020-13-01' is not a date (write 2020-11-10; the day must exist)", first.GetProperty("pacta_error").GetString());
        Assert.Single(ImportedEvents(db));

        var stop = Import(db, "plover", file);
        Assert.Equal(3, stop.ExitCode);
        Assert.Contains($"{file}:2:", stop.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A record over 1,048,576 characters is refused and read past. The brief's case is a 2 GB line; writing one takes
    /// too long for a test, so this line is 3 MB, three times the limit: the reader's code path is the same.
    /// </summary>
    [Fact]
    public void A_line_longer_than_a_mebibyte_of_characters_is_refused_and_reading_goes_on()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var text = new StringBuilder(Acled(AcledRow("AZE301")));
        var huge = AcledRow("AZE302");
        text.Append(Line(EventGenerator.AcledColumns.Select(c => c == "notes" ? new string('x', 3 << 20) : huge[c])));
        text.Append(Line(EventGenerator.AcledColumns.Select(c => AcledRow("AZE303")[c])));
        var file = Write(folder, "long.csv", text.ToString());
        var before = Contents(db);

        var stop = Import(db, "acled", file);
        Assert.Equal(3, stop.ExitCode);
        Assert.Contains($"{file}:3:1: a record longer than 1,048,576 characters", stop.Error, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db));

        var skip = Import(db, "acled", file, "--on-error", "skip");
        Assert.True(skip.ExitCode == 0, skip.Error);
        Assert.Contains("2 created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 1 rejected", skip.Out, StringComparison.Ordinal);
        Assert.Equal(["acled-aze301", "acled-aze303"], ImportedEvents(db).Keys.Select(k => k.Value).Order());
        Assert.True(new FileInfo(file + ".rejects.csv").Length < 10_000, "the refused record is not copied into the rejects file");
    }

    [Fact]
    public void A_file_cut_short_inside_quotes_names_where_the_quote_opened()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var full = Acled(AcledRow("AZE401"), AcledRow("AZE402").With(("notes", "Said \"cease, fire\" twice.")));
        var cut = full[..(full.IndexOf("cease", StringComparison.Ordinal) + 3)];
        var file = Write(folder, "cut.csv", cut);
        var quoteColumn = cut.Split('\n')[2].IndexOf('"', StringComparison.Ordinal) + 1;

        var stop = Import(db, "acled", file);
        Assert.Equal(3, stop.ExitCode);
        Assert.Contains($"{file}:3:{quoteColumn}: the file ends inside a quoted field opened at line 3, column {quoteColumn}", stop.Error, StringComparison.Ordinal);
        Assert.Empty(ImportedEvents(db));

        var skip = Import(db, "acled", file, "--on-error", "skip");
        Assert.Contains("1 created", skip.Out, StringComparison.Ordinal);
        Assert.Contains("1 rejected", skip.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    public void A_wrong_delimiter_exits_3_and_writes_nothing(string delimiter)
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var before = Contents(db);
        var row = AcledRow();
        var file = Write(folder, "semi.csv", string.Join(delimiter, EventGenerator.AcledColumns) + "\n" + string.Join(delimiter, EventGenerator.AcledColumns.Select(c => row[c])) + "\n");

        var result = Import(db, "acled", file, "--on-error", "skip");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{file}:1:1: the header has one column", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db));
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Write(folder, "a.csv", Acled(AcledRow()));
        Assert.Equal(2, Import(db, "acled", file, "--on-error", "maybe").ExitCode);
        Assert.Equal(2, Import(db, "acled", file, "--rejects", folder["r.csv"]).ExitCode);
        Assert.Equal(2, Import(db, "acled", file, "--on-error", "skip", "--batch", "0").ExitCode);
        Assert.Equal(2, Import(db, "acled", file, "--match-km", "-1").ExitCode);
    }
}
