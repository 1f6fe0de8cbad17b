using System.Globalization;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>
/// Turns the records of one CSV event file into <see cref="ImportedEvent"/>s, or into problems naming the
/// field at fault. The formats (<see cref="AcledRows"/>, <see cref="UcdpRows"/>) say which columns they need
/// and how a row maps; this class reads the header, checks each record's width and reads typed fields.
/// </summary>
public abstract class CsvEventRows
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly string file;
    private CsvColumns? columns;

    protected CsvEventRows(string file) => this.file = file;

    /// <summary>The format's required columns, found by name.</summary>
    protected abstract IReadOnlyCollection<string> Required { get; }

    /// <summary>The format's published column order, for a file without a header row; null when every file has one.</summary>
    protected virtual IReadOnlyList<string>? PublishedOrder => null;

    /// <summary>The columns the digest covers: a change elsewhere in the row does not make it an edit.</summary>
    protected abstract IReadOnlyList<string> DigestColumns { get; }

    public CsvColumns Columns => columns ?? throw new InvalidOperationException("the header has not been read");

    /// <summary>Reads the header; returns true when the first record was data (a headerless file) and must be mapped too.</summary>
    /// <exception cref="ImportFileException">The header is not one of this format.</exception>
    public bool ReadHeader(CsvRecord first)
    {
        columns = CsvColumns.Read(file, first, Required, PublishedOrder);
        positions.Clear();
        return columns.Headerless;
    }

    /// <summary>Maps one record; a problem names the line and column of the field at fault.</summary>
    public (ImportedEvent? Event, ImportProblem? Problem) Map(CsvRecord record)
    {
        if (record.Problem is not null) return (null, new(file, record.ProblemAt.Line, record.ProblemAt.Column, record.Problem));
        if (record.Fields.Count != Columns.Width)
        {
            return (null, new(file, record.Line, 1,
                $"the row has {record.Fields.Count} field{(record.Fields.Count == 1 ? "" : "s")} but the header {Columns.Width}: a delimiter too many or too few, or a quote not closed"));
        }
        try
        {
            return (Map(new Row(record, Columns)), null);
        }
        catch (FieldException e)
        {
            var (line, column) = Columns.At(record, e.Column);
            return (null, new(file, line, column, $"{e.Column}: {e.Message}"));
        }
    }

    protected abstract ImportedEvent Map(Row row);

    /// <summary>The digest of the <see cref="DigestColumns"/>, then of <paramref name="also"/> (see docs/importing.md on place names).</summary>
    protected string Digest(Row row, IReadOnlyList<string>? also = null)
    {
        // The columns' positions are looked up once per file, not by name on every row.
        var digested = Positions(DigestColumns);
        var more = also is null ? [] : Positions(also);
        var values = new string[digested.Length + more.Length];
        for (var i = 0; i < digested.Length; i++) values[i] = row.Text(digested[i]);
        for (var i = 0; i < more.Length; i++) values[digested.Length + i] = row.Text(more[i]);
        return Digests.Of(values);
    }

    private readonly Dictionary<IReadOnlyList<string>, int[]> positions = new(ReferenceEqualityComparer.Instance);

    private int[] Positions(IReadOnlyList<string> names)
    {
        if (!positions.TryGetValue(names, out var found)) positions[names] = found = Columns.Positions(names);
        return found;
    }

    /// <summary>
    /// The names a row gives its place, as written (<see cref="PlaceAsWritten"/>): the name column, and the area
    /// columns from the country down; null when all are empty. A name too long or with a control character is
    /// refused at its column.
    /// </summary>
    protected static PlaceAsWritten? PlaceNames(Row row, string nameColumn, params ReadOnlySpan<string> areaColumns)
    {
        var name = PlaceName(row, nameColumn);
        string[]? areas = null;
        for (var level = areaColumns.Length - 1; level >= 0; level--)
        {
            var area = PlaceName(row, areaColumns[level]);
            if (area is null && areas is null) continue;
            areas ??= new string[level + 1];
            areas[level] = area ?? "";
        }
        return name is null && areas is null ? null : new PlaceAsWritten(name, areas ?? []);
    }

    private static string? PlaceName(Row row, string column)
    {
        try
        {
            return Guard.OptionalText(row.Optional(column), "name", PlaceAsWritten.MaxLength);
        }
        catch (ArgumentException)
        {
            throw new FieldException(column, $"a place name is at most {PlaceAsWritten.MaxLength} characters, without control characters");
        }
    }

    /// <summary>A field could not be read: <see cref="Column"/> says which.</summary>
    protected sealed class FieldException(string column, string message) : Exception(message)
    {
        public string Column { get; } = column;
    }

    /// <summary>One record read through the header: typed fields, each failure naming its column.</summary>
    protected readonly struct Row(CsvRecord record, CsvColumns columns)
    {
        public long Line => record.Line;

        public string Text(string column) => columns.Get(record, column);

        /// <summary>The field at a position of <see cref="CsvColumns.Positions"/>.</summary>
        public string Text(int position) => CsvColumns.Get(record, position);

        public string? Optional(string column) => Text(column) is { Length: > 0 } text ? text : null;

        public string Required(string column) => Optional(column) ?? throw new FieldException(column, "is empty, but every row needs it");

        public int Integer(string column, int min, int max)
        {
            var text = Required(column);
            if (!int.TryParse(text, NumberStyles.Integer, Invariant, out var value))
                throw new FieldException(column, $"'{Shorten(text)}' is not a whole number");
            if (value < min || value > max)
                throw new FieldException(column, $"{value} is outside {min}..{max}");
            return value;
        }

        public int? OptionalInteger(string column, int min, int max) => Optional(column) is null ? null : Integer(column, min, max);

        public double Coordinate(string column, double limit)
        {
            var text = Required(column);
            if (!double.TryParse(text, NumberStyles.Float, Invariant, out var value) || !double.IsFinite(value))
                throw new FieldException(column, $"'{Shorten(text)}' is not a number");
            if (Math.Abs(value) > limit)
                throw new FieldException(column, $"{value.ToString(Invariant)} is outside -{limit}..{limit}");
            return value;
        }

        public T Check<T>(string column, Func<T> make)
        {
            try
            {
                return make();
            }
            catch (ArgumentException e)
            {
                throw new FieldException(column, FirstSentence(e.Message));
            }
        }

        public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            return cut < 0 ? message : message[..cut];
        }
    }

    /// <summary>Reads a calendar day as the event datasets write it: <c>2020-11-10</c>, <c>10 November 2020</c>, <c>10-Nov-20</c>, <c>2020-11-10 00:00:00.000</c>.</summary>
    protected static DateOnly Day(Row row, string column)
    {
        var text = row.Required(column);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var iso)) return iso;
        string[] layouts = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d-MMMM-yyyy", "d-MMM-yyyy", "d-MMM-yy", "d/M/yyyy", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(text, layouts, Invariant, DateTimeStyles.None, out var parsed)) return DateOnly.FromDateTime(parsed);
        throw new FieldException(column, $"'{Row.Shorten(text)}' is not a date (write 2020-11-10 or 10 November 2020; the day must exist)");
    }
}
