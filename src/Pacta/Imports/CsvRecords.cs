using System.Text;

namespace Pacta.Imports;

/// <summary>
/// One record of a CSV file: its fields, the line it starts on, and where each field starts (line and column,
/// both from 1), so that a problem can be named as <c>file:line:col</c>. A record the reader could not take
/// apart has no fields and a <see cref="Problem"/> instead.
/// </summary>
public sealed class CsvRecord
{
    internal CsvRecord(long line, string[] fields, (long Line, int Column)[] starts, string? problem, int problemColumn, long problemLine)
    {
        Line = line;
        Fields = fields;
        Starts = starts;
        Problem = problem;
        ProblemAt = (problemLine, problemColumn);
    }

    public long Line { get; }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<(long Line, int Column)> Starts { get; }

    public string? Problem { get; }

    public (long Line, int Column) ProblemAt { get; }
}

/// <summary>
/// Reads CSV as RFC 4180 writes it, record by record, in constant memory: fields split at commas, a quoted
/// field may hold commas, doubled quotes and line breaks, records end with LF or CRLF, and a byte-order
/// mark is skipped. A record longer than <see cref="MaxRecordLength"/> characters (a 2 GB line, a quote
/// never closed) is reported and skipped without being held; so is a quote inside an unquoted field or text
/// after a closing quote: the reader goes on at the next line. A file that ends inside a quoted field is
/// reported as truncated.
/// </summary>
public sealed class CsvRecords
{
    public const int DefaultMaxRecordLength = 1 << 20;

    private readonly TextReader reader;
    private readonly char[] buffer = new char[1 << 16];
    private int position;
    private int filled;
    private long line = 1;
    private int column = 1;
    private char[] record = new char[1024];
    private int recordLength;

    public CsvRecords(TextReader reader, int maxRecordLength = DefaultMaxRecordLength)
    {
        this.reader = reader ?? throw new ArgumentNullException(nameof(reader));
        MaxRecordLength = maxRecordLength;
    }

    public int MaxRecordLength { get; }

    /// <summary>Characters read so far: with the file's length, how far a progress bar has come.</summary>
    public long CharactersRead { get; private set; }

    /// <summary>Opens a file as UTF-8 (a byte-order mark is dropped) and reads its records.</summary>
    public static CsvRecords Open(Stream stream, int maxRecordLength = DefaultMaxRecordLength) =>
        new(new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), maxRecordLength);

    /// <summary>The next record; null at the end of the file.</summary>
    public CsvRecord? Next()
    {
        if (Peek() < 0) return null;
        var startLine = line;
        var fields = new List<string>(32);
        var starts = new List<(long, int)>(32);
        recordLength = 0;
        while (true)
        {
            var fieldLine = line;
            var fieldColumn = column;
            starts.Add((fieldLine, fieldColumn));
            var fieldStart = recordLength;
            if (Peek() == '"')
            {
                Take();
                while (true)
                {
                    if (position == filled && !Fill())
                    {
                        return Failed(startLine, $"the file ends inside a quoted field opened at line {fieldLine}, column {fieldColumn}: it was cut short, or a quote is not closed", fieldLine, fieldColumn, skip: false);
                    }
                    // Copy the run up to the next quote or line break at once; a line break inside quotes is text, and counted.
                    var span = buffer.AsSpan(position, filled - position);
                    var stop = span.IndexOfAny(QuotedStops);
                    var run = stop < 0 ? span.Length : stop;
                    if (!Append(span[..run])) return TooLongQuoted(startLine);
                    Advance(run);
                    if (stop < 0) continue;
                    var c = Take();
                    if (c == '\n')
                    {
                        if (!Append('\n')) return TooLongQuoted(startLine);
                        continue;
                    }
                    if (Peek() == '"')
                    {
                        Take();
                        if (!Append('"')) return TooLongQuoted(startLine);
                        continue;
                    }
                    break;
                }
                var after = Peek();
                if (after is not (',' or '\n' or '\r' or -1))
                {
                    return Failed(startLine, "text after a closing quote: a quote inside a quoted field must be doubled", line, column, skip: true);
                }
            }
            else
            {
                while (true)
                {
                    if (position == filled && !Fill()) break;
                    var span = buffer.AsSpan(position, filled - position);
                    var stop = span.IndexOfAny(UnquotedStops);
                    var run = stop < 0 ? span.Length : stop;
                    if (!Append(span[..run])) return TooLong(startLine);
                    Advance(run);
                    if (stop < 0) continue;
                    if (buffer[position] == '"')
                    {
                        return Failed(startLine, "a quote inside an unquoted field: quote the whole field and double the quote", line, column, skip: true);
                    }
                    break;
                }
            }
            fields.Add(new string(record, fieldStart, recordLength - fieldStart));
            var end = Take();
            if (end == ',') continue;
            if (end == '\r')
            {
                if (Peek() == '\n') Take();
                else return Failed(startLine, "a carriage return alone ends no line: end lines with LF or CRLF", line, column, skip: true);
            }
            return new CsvRecord(startLine, [.. fields], [.. starts], null, 0, 0);
        }
    }

    /// <summary>
    /// A quoted field that outgrows the limit is read on, not held, to its closing quote, so that line breaks inside
    /// it are not taken for the ends of records; then the record is reported and skipped like any other too long.
    /// </summary>
    private CsvRecord TooLongQuoted(long startLine)
    {
        while (true)
        {
            var c = Take();
            if (c < 0)
                return Failed(startLine, $"the file ends inside a quoted field of a record longer than {MaxRecordLength:N0} characters: it was cut short, or a quote is not closed", startLine, 1, skip: false);
            if (c != '"') continue;
            if (Peek() == '"')
            {
                Take();
                continue;
            }
            return TooLong(startLine);
        }
    }

    private CsvRecord TooLong(long startLine) =>
        Failed(startLine, $"a record longer than {MaxRecordLength:N0} characters (a line that never ends, or a quote never closed)", startLine, 1, skip: true);

    /// <summary>Reports a record that cannot be taken apart; with <paramref name="skip"/>, reads on to the end of its line without keeping it.</summary>
    private CsvRecord Failed(long startLine, string problem, long problemLine, int problemColumn, bool skip)
    {
        if (skip)
        {
            int c;
            while ((c = Take()) >= 0 && c != '\n') { }
        }
        recordLength = 0;
        return new CsvRecord(startLine, [], [], problem, problemColumn, problemLine);
    }

    private static readonly System.Buffers.SearchValues<char> UnquotedStops = System.Buffers.SearchValues.Create(",\n\r\"");
    private static readonly System.Buffers.SearchValues<char> QuotedStops = System.Buffers.SearchValues.Create("\"\n");

    /// <summary>Moves past characters already copied, none of them a line break.</summary>
    private void Advance(int count)
    {
        position += count;
        column += count;
        CharactersRead += count;
    }

    private bool Append(ReadOnlySpan<char> run)
    {
        if (run.Length == 0) return true;
        if (recordLength + run.Length > MaxRecordLength) return false;
        if (recordLength + run.Length > record.Length) Array.Resize(ref record, Math.Min(Math.Max(record.Length * 2, recordLength + run.Length), MaxRecordLength));
        run.CopyTo(record.AsSpan(recordLength));
        recordLength += run.Length;
        return true;
    }

    private bool Append(char c)
    {
        if (recordLength == MaxRecordLength) return false;
        if (recordLength == record.Length) Array.Resize(ref record, Math.Min(record.Length * 2, MaxRecordLength));
        record[recordLength++] = c;
        return true;
    }

    private int Peek()
    {
        if (position == filled && !Fill()) return -1;
        return buffer[position];
    }

    private int Take()
    {
        if (position == filled && !Fill()) return -1;
        var c = buffer[position++];
        CharactersRead++;
        if (c == '\n')
        {
            line++;
            column = 1;
        }
        else
        {
            column++;
        }
        return c;
    }

    private bool Fill()
    {
        filled = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return filled > 0;
    }
}
