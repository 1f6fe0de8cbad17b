using System.Text;
using Pacta.Imports;

namespace Pacta.Tests.Imports;

/// <summary>The CSV reader under every importer: RFC 4180 records, with where each field starts and why a record is refused.</summary>
public sealed class CsvRecordsTests
{
    private static List<CsvRecord> ReadAll(string text, int maxRecordLength = CsvRecords.DefaultMaxRecordLength)
    {
        var reader = new CsvRecords(new StringReader(text), maxRecordLength);
        var records = new List<CsvRecord>();
        while (reader.Next() is { } record) records.Add(record);
        return records;
    }

    private static List<string[]> Fields(string text) => [.. ReadAll(text).Select(r => r.Fields.ToArray())];

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_name()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("event_id_cnty,notes\nA1,x\n")).ToArray();
        var reader = CsvRecords.Open(new MemoryStream(bytes));
        var header = reader.Next()!;
        Assert.Equal(["event_id_cnty", "notes"], header.Fields);
        Assert.Equal((1L, 1), header.Starts[0]);
        Assert.Equal(["A1", "x"], reader.Next()!.Fields);
        Assert.Null(reader.Next());
    }

    [Fact]
    public void Lf_and_crlf_both_end_records_and_neither_is_kept()
    {
        Assert.Equal([["a", "b"], ["1", "2"], ["3", "4"]], Fields("a,b\r\n1,2\n3,4\r\n"));
        Assert.Equal([["a", "b"], ["1", "2"]], Fields("a,b\n1,2")); // no line break at the end
    }

    [Fact]
    public void A_carriage_return_alone_is_refused_and_reading_goes_on()
    {
        var records = ReadAll("a,b\n1\r2,3\n4,5\n");
        Assert.Contains("carriage return", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal(["4", "5"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_hold_commas_and_doubled_quotes()
    {
        var records = ReadAll("id,notes,n\nA1,\"first line,\r\nsecond \"\"quoted\"\" line\",7\nA2,plain,8\n");
        Assert.Equal(["A1", "first line,\r\nsecond \"quoted\" line", "7"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal((3L, 25), records[1].Starts[2]); // the 7 sits on the record's second line
        Assert.Equal(["A2", "plain", "8"], records[2].Fields);
        Assert.Equal(4, records[2].Line);
        Assert.Equal("", Fields("a,\"\"\n")[0][1]);
    }

    [Fact]
    public void Each_field_knows_its_line_and_column()
    {
        var records = ReadAll("a,bb,ccc\nx,\"y\",zz\n");
        Assert.Equal([(1L, 1), (1L, 3), (1L, 6)], records[0].Starts);
        Assert.Equal([(2L, 1), (2L, 3), (2L, 7)], records[1].Starts);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_refused_at_the_quote_and_the_next_line_is_read()
    {
        var records = ReadAll("a,b\nA1,5 \"inch\" gun\nA2,ok\n");
        Assert.Equal(3, records.Count);
        Assert.Empty(records[1].Fields);
        Assert.Contains("a quote inside an unquoted field", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal((2L, 6), records[1].ProblemAt);
        Assert.Equal(["A2", "ok"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_refused_where_it_starts()
    {
        var records = ReadAll("a,b\nA1,\"say \"hi\" twice\"\nA2,ok\n");
        Assert.Contains("text after a closing quote", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal((2L, 10), records[1].ProblemAt);
        Assert.Equal(["A2", "ok"], records[2].Fields);
    }

    [Fact]
    public void A_file_cut_short_inside_quotes_names_where_the_quote_opened()
    {
        var records = ReadAll("a,b\nA1,ok\nA2,\"this field\nnever ends");
        Assert.Equal(3, records.Count);
        var last = records[2];
        Assert.Empty(last.Fields);
        Assert.Contains("ends inside a quoted field opened at line 3, column 4", last.Problem, StringComparison.Ordinal);
        Assert.Equal((3L, 4), last.ProblemAt);
    }

    [Fact]
    public void A_record_longer_than_the_limit_is_reported_and_skipped_and_reading_goes_on()
    {
        var records = ReadAll("a,b\n" + new string('x', 5000) + ",1\nA2,ok\n", maxRecordLength: 100);
        Assert.Equal(3, records.Count);
        Assert.Contains("longer than 100 characters", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["A2", "ok"], records[2].Fields);
        Assert.Equal(3, records[2].Line);

        // Exactly at the limit is still a record.
        var atLimit = ReadAll(new string('y', 98) + ",z\n", maxRecordLength: 99);
        Assert.Null(atLimit[0].Problem);
        Assert.Equal(98, atLimit[0].Fields[0].Length);
    }

    [Fact]
    public void A_quoted_field_over_the_limit_is_read_past_to_its_closing_quote_not_to_the_next_line()
    {
        // The long field holds line breaks and text that looks like a row: none of it may come out as a record.
        var inside = string.Concat(Enumerable.Repeat("FAKE1,looks like a row\n", 20));
        var records = ReadAll("a,b\n\"" + inside + "\"\"quoted\"\"\",1\nA2,ok\n", maxRecordLength: 100);

        Assert.Equal(3, records.Count);
        Assert.Contains("longer than 100 characters", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal(["A2", "ok"], records[2].Fields);
        Assert.Equal(23, records[2].Line);
    }

    [Fact]
    public void A_quoted_field_over_the_limit_that_never_closes_is_reported_as_cut_short()
    {
        var records = ReadAll("a,b\n\"" + new string('x', 500) + "\nmore\n", maxRecordLength: 100);

        Assert.Equal(2, records.Count);
        Assert.Contains("ends inside a quoted field", records[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_read_grow_to_the_whole_text()
    {
        const string text = "a,b\n\"x\ny\",2\n";
        var reader = new CsvRecords(new StringReader(text));
        while (reader.Next() is not null) { }
        Assert.Equal(text.Length, reader.CharactersRead);
    }
}
