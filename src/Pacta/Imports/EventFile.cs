using System.Text;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>One row of an event file as read: the event it maps to, or the problem with it; and the row as it was, for a rejects file.</summary>
public sealed record EventFileRow(ImportedEvent? Event, ImportProblem? Problem, IReadOnlyList<string>? Fields, string? Text);

/// <summary>
/// An ACLED or UCDP CSV file, or a PLOVER JSON Lines file, read row by row in constant memory. Opening reads
/// the header (a CSV file without a header this format knows is refused there, before any row); the position
/// in bytes, against the length, is how far a progress bar has come.
/// </summary>
public sealed class EventFile : IDisposable
{
    private readonly string name;
    private readonly EventDataset dataset;
    private readonly FileStream stream;
    private readonly CsvRecords? records;
    private readonly CsvEventRows? csv;
    private readonly TextReader? lines;
    private CsvRecord? firstData;

    private EventFile(string path, EventDataset dataset)
    {
        name = path;
        this.dataset = dataset;
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (dataset == EventDataset.Plover)
            {
                lines = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
                return;
            }
            records = CsvRecords.Open(stream);
            csv = dataset == EventDataset.Acled ? new AcledRows(path) : new UcdpRows(path);
            var first = records.Next() ?? throw new ImportFileException(new(path, 1, 1, "the file is empty: it has no header and no rows"));
            if (csv.ReadHeader(first)) firstData = first;
            Header = csv.Columns.Headerless ? Generation.EventGenerator.UcdpColumns : first.Fields;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The CSV header (the published column order when the file has none); null for JSON Lines.</summary>
    public IReadOnlyList<string>? Header { get; }

    public long Length => stream.Length;

    public long Position => stream.Position;

    /// <exception cref="ImportFileException">The file has no header of this format.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EventFile Open(string path, EventDataset dataset) => new(path, dataset);

    public IEnumerable<EventFileRow> Rows()
    {
        if (lines is not null)
        {
            var plover = new PloverRows(name);
            long number = 0;
            while (NextLine(lines, ref number) is var (text, problem) && (text is not null || problem is not null))
            {
                if (problem is not null)
                {
                    yield return new(null, new(name, number, 1, problem), null, null);
                    continue;
                }
                if (string.IsNullOrWhiteSpace(text)) continue;
                var (row, rowProblem) = plover.Map(text!, number);
                yield return new(row, rowProblem, null, text);
            }
            yield break;
        }
        if (firstData is { } first)
        {
            firstData = null;
            yield return Map(first);
        }
        while (records!.Next() is { } record)
        {
            if (record.Problem is null && record.Fields is [""]) continue; // a blank line
            yield return Map(record);
        }
    }

    public void Dispose()
    {
        lines?.Dispose();
        stream.Dispose();
    }

    private EventFileRow Map(CsvRecord record)
    {
        var (row, problem) = csv!.Map(record);
        return new(row, problem, record.Fields, null);
    }

    /// <summary>The next line, or a problem when it is longer than a row may be (its text is then read past, not held).</summary>
    private static (string? Text, string? Problem) NextLine(TextReader reader, ref long number)
    {
        var builder = new StringBuilder();
        int c;
        var any = false;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (c == '\n') break;
            if (builder.Length == CsvRecords.DefaultMaxRecordLength)
            {
                while ((c = reader.Read()) >= 0 && c != '\n') { }
                number++;
                return (null, $"a line longer than {CsvRecords.DefaultMaxRecordLength:N0} characters");
            }
            builder.Append((char)c);
        }
        if (!any) return (null, null);
        number++;
        if (builder.Length > 0 && builder[^1] == '\r') builder.Length--;
        return (builder.ToString(), null);
    }
}
