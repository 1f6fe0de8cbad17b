using Pacta.Files;
using Pacta.Generation;

namespace Pacta.Imports;

/// <summary>What an importer does with a row it cannot take.</summary>
public enum OnError
{
    /// <summary>Stop at the first bad row, name it, and write nothing.</summary>
    Stop,

    /// <summary>Import the good rows; list each bad one, with its reason, in the rejects file.</summary>
    Skip,
}

/// <summary>
/// The rows an import refused, as CSV: the input's own header and fields, then a column <c>pacta_error</c>
/// holding <c>file:line:col: reason</c>. Importers ignore columns they do not know, so a rejects file can be
/// corrected and imported as it is. A record the reader could not take apart has only its error. JSON Lines
/// input is rejected as JSON Lines: one object per refused line, <c>{"pacta_error": …, "row": the line as it was}</c>.
/// The file is written whole (<see cref="WholeFile"/>): beside its final path, moved there when the import ends.
/// </summary>
public sealed class RejectsFile : IDisposable
{
    public const string ErrorColumn = "pacta_error";

    private readonly WholeFile file;
    private readonly TextWriter writer;
    private int width = -1;
    private int errorIndex = -1;

    public RejectsFile(string path)
    {
        file = new WholeFile(path);
        writer = file.Text;
    }

    public int Count { get; private set; }

    /// <summary>
    /// Writes the header: the input's, plus the error column. Call once, before the first CSV row. An input that is
    /// itself a rejects file keeps its one error column, which then holds the new reason: a second column of the same
    /// name would make the file unreadable (the header would name a column twice).
    /// </summary>
    public void Header(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        errorIndex = header.ToList().FindIndex(h => string.Equals(h.Trim(), ErrorColumn, StringComparison.OrdinalIgnoreCase));
        width = errorIndex >= 0 ? header.Count - 1 : header.Count;
        Csv.WriteRecord(writer, errorIndex >= 0 ? header : [.. header, ErrorColumn]);
    }

    /// <summary>A refused CSV row: its fields (none when it could not be read) and the problem.</summary>
    public void Row(IReadOnlyList<string> fields, ImportProblem problem)
    {
        var row = new string[Math.Max(width, 0) + 1];
        var error = errorIndex >= 0 ? errorIndex : row.Length - 1;
        for (var i = 0; i < row.Length; i++) row[i] = i == error ? problem.ToString() : i < fields.Count ? fields[i] : "";
        Csv.WriteRecord(writer, row);
        Count++;
    }

    /// <summary>A refused JSON Lines row: the problem and the line as it was read.</summary>
    public void Line(string text, ImportProblem problem)
    {
        writer.Write(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [ErrorColumn] = problem.ToString(), ["row"] = text }));
        writer.Write('\n');
        Count++;
    }

    /// <summary>Flushes and moves the file into place.</summary>
    public void Complete() => file.Commit();

    /// <summary>Without <see cref="Complete"/>, drops the partial file.</summary>
    public void Dispose() => file.Dispose();
}
