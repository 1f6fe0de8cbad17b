using System.Collections.Frozen;

namespace Pacta.Imports;

/// <summary>
/// Where each column a format knows sits in one file, found by header name (case and surrounding spaces
/// ignored), so extra columns and a different order do no harm. A missing required column is an error
/// naming it; a missing optional column reads as empty. A file without a header row can be read in the
/// format's published column order, when its first record does not look like a header.
/// </summary>
public sealed class CsvColumns
{
    private readonly FrozenDictionary<string, int> index;

    private CsvColumns(FrozenDictionary<string, int> index, int width, bool headerless)
    {
        this.index = index;
        Width = width;
        Headerless = headerless;
    }

    /// <summary>How many fields the header has: each row must have as many.</summary>
    public int Width { get; }

    /// <summary>True when the file had no header row and its first record is data.</summary>
    public bool Headerless { get; }

    /// <summary>
    /// Reads the header of <paramref name="first"/>. With <paramref name="allColumns"/> given, a first record
    /// with exactly that many fields whose first field is a number is taken as data in that column order.
    /// </summary>
    /// <exception cref="ImportFileException">The first record is no header: wrong delimiter, missing required columns.</exception>
    public static CsvColumns Read(string file, CsvRecord first, IReadOnlyCollection<string> required, IReadOnlyList<string>? allColumns = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (first.Problem is not null) throw new ImportFileException(new(file, first.ProblemAt.Line, first.ProblemAt.Column, "the header row cannot be read: " + first.Problem));
        var fields = first.Fields;
        if (allColumns is not null && fields.Count == allColumns.Count && fields.Count > 0 && long.TryParse(fields[0], out _))
        {
            return new(allColumns.Select((name, i) => (name, i)).ToFrozenDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase), allColumns.Count, headerless: true);
        }
        if (fields.Count == 1)
        {
            var delimiter = new[] { ';', '\t', '|' }.FirstOrDefault(d => fields[0].Contains(d));
            if (delimiter != default)
            {
                var shown = delimiter == '\t' ? "a tab" : $"'{delimiter}'";
                throw new ImportFileException(new(file, first.Line, 1, $"the header has one column and {shown} between its names: the file seems to be separated by {shown}, but Pacta reads comma-separated files"));
            }
        }
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim();
            if (name.Length == 0) continue;
            if (!map.TryAdd(name, i))
                throw new ImportFileException(new(file, first.Starts[i].Line, first.Starts[i].Column, $"the header names column '{name}' twice"));
        }
        var missing = required.Where(r => !map.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(new(file, first.Line, 1,
                $"the header lacks the required column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} (found: {string.Join(", ", fields.Take(40))})"));
        }
        return new(map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), fields.Count, headerless: false);
    }

    public bool Has(string column) => index.ContainsKey(column);

    /// <summary>The field of <paramref name="column"/> in <paramref name="record"/>, trimmed; empty when the file lacks the column.</summary>
    public string Get(CsvRecord record, string column) =>
        index.TryGetValue(column, out var i) ? record.Fields[i].Trim() : "";

    /// <summary>The position of each column in the file's fields (−1 for a column the file lacks), for <see cref="Get(CsvRecord, int)"/>.</summary>
    public int[] Positions(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var positions = new int[columns.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = index.TryGetValue(columns[i], out var at) ? at : -1;
        return positions;
    }

    /// <summary>The field at a position of <see cref="Positions"/>, trimmed: what <see cref="Get(CsvRecord, string)"/> gives for its column.</summary>
    public static string Get(CsvRecord record, int position)
    {
        ArgumentNullException.ThrowIfNull(record);
        return position < 0 ? "" : record.Fields[position].Trim();
    }

    /// <summary>Where the field of <paramref name="column"/> starts, or the record's start when the file lacks it.</summary>
    public (long Line, int Column) At(CsvRecord record, string column) =>
        index.TryGetValue(column, out var i) ? record.Starts[i] : (record.Line, 1);
}
