using System.Globalization;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>PA-X's <c>Status</c>: how an agreement was concluded.</summary>
public enum PaxStatus { MultipartySigned, Unilateral, Unclear, SubsequentStatus }

/// <summary>PA-X's <c>Agtp</c>: the kind of conflict and agreement (interstate, interstate about an intrastate conflict, intrastate, local).</summary>
public enum PaxAgreementType { Inter, InterIntra, Intra, IntraLocal }

/// <summary>One PA-X row, checked: every value the import uses, in the model's terms where it has them.</summary>
public sealed record PaxRow(
    long Line,
    IReadOnlyList<string> Fields,
    int AgtId,
    string Title,
    PartialDate Date,
    PaxStatus Status,
    PaxAgreementType Type,
    PaxStage Stage,
    string? SubStage,
    string? Version,
    PeaceProcess? Process,
    string? Country,
    string Parties,
    string ThirdParties,
    string OtherAgreements);

/// <summary>A row refused, with its fields as they were read (none when the record could not be taken apart).</summary>
public sealed record PaxRejectedRow(IReadOnlyList<string> Fields, ImportProblem Problem);

/// <summary>What reading a PA-X file gave: the header, the good rows, the refused ones in file order, and how many rows <c>--process</c> left out.</summary>
public sealed record PaxReading(IReadOnlyList<string> Header, IReadOnlyList<PaxRow> Rows, IReadOnlyList<PaxRejectedRow> Rejected, int LeftOut, IReadOnlyList<string> ProcessNames);

/// <summary>
/// Reads a PA-X CSV file (FORMATS.md, PA-X): columns by header name, each row checked value by value, every
/// problem located at its field. <c>--process TEXT</c> keeps only the rows whose <c>PPName</c> or <c>Con</c>
/// contains TEXT (case ignored); the others are not checked. A row repeating an <c>AgtId</c> of an earlier row
/// is refused. Files are small (PA-X holds about 2,000 agreements), so the rows are kept in memory.
/// </summary>
public static class PaxFile
{
    public static readonly IReadOnlyList<string> Required = ["AgtId", "Agt", "Dat", "Status", "Agtp", "Stage", "PP", "PPName", "Con"];

    private static readonly (string Code, PaxStatus Status)[] Statuses =
    [
        ("Multiparty signed/agreed", PaxStatus.MultipartySigned),
        ("Unilateral document", PaxStatus.Unilateral),
        ("Status unclear", PaxStatus.Unclear),
        ("Agreement with subsequent status", PaxStatus.SubsequentStatus),
    ];

    public const int MaxTitleLength = 1000;

    /// <summary>PA-X's own wording of a status.</summary>
    public static string Code(this PaxStatus status) => Statuses.Single(s => s.Status == status).Code;

    /// <summary>Reads <paramref name="stream"/>; <paramref name="file"/> is the name problems are reported under.</summary>
    /// <exception cref="ImportFileException">The file has no usable header (empty, wrong delimiter, a required column missing).</exception>
    public static PaxReading Read(Stream stream, string file, string? process = null)
    {
        var records = CsvRecords.Open(stream);
        var first = records.Next() ?? throw new ImportFileException(new(file, 1, 1, "the file is empty: a PA-X file starts with a header row (Con, Contp, PP, PPName, Reg, AgtId …)"));
        var columns = CsvColumns.Read(file, first, Required.ToArray());
        var rows = new List<PaxRow>();
        var rejected = new List<PaxRejectedRow>();
        var seen = new Dictionary<int, long>();
        var processNames = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var leftOut = 0;
        while (records.Next() is { } record)
        {
            if (record.Problem is not null)
            {
                rejected.Add(new([], new(file, record.ProblemAt.Line, record.ProblemAt.Column, record.Problem)));
                continue;
            }
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue; // a blank line
            if (record.Fields.Count != columns.Width)
            {
                rejected.Add(new(record.Fields, new(file, record.Line, 1,
                    $"the row has {record.Fields.Count} field{(record.Fields.Count == 1 ? "" : "s")} but the header has {columns.Width}: a field is missing or the row was cut short")));
                continue;
            }
            var processName = columns.Get(record, "PPName");
            if (processName.Length > 0) processNames.Add(processName);
            if (process is not null
                && !processName.Contains(process, StringComparison.OrdinalIgnoreCase)
                && !columns.Get(record, "Con").Contains(process, StringComparison.OrdinalIgnoreCase))
            {
                leftOut++;
                continue;
            }
            var (row, problem) = Check(file, columns, record, seen);
            if (row is not null) rows.Add(row);
            else rejected.Add(new(record.Fields, problem!));
        }
        return new PaxReading(first.Fields, rows, rejected, leftOut, [.. processNames]);
    }

    private static (PaxRow? Row, ImportProblem? Problem) Check(string file, CsvColumns columns, CsvRecord record, Dictionary<int, long> seen)
    {
        ImportProblem At(string column, string reason)
        {
            var (line, col) = columns.At(record, column);
            return new(file, line, col, $"{column}: {reason}");
        }

        var agtIdText = columns.Get(record, "AgtId");
        if (!int.TryParse(agtIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var agtId) || agtId <= 0)
            return (null, At("AgtId", $"'{Shorten(agtIdText)}' is not an agreement number (a positive whole number)"));
        if (seen.TryGetValue(agtId, out var earlier))
            return (null, At("AgtId", $"agreement {agtId} is already in this file, at line {earlier}: each agreement is one row"));

        var title = columns.Get(record, "Agt");
        if (title.Length == 0) return (null, At("Agt", "the agreement's name is empty"));
        if (title.Length > MaxTitleLength) return (null, At("Agt", $"the agreement's name is longer than {MaxTitleLength} characters"));
        if (Control(title) is { } inTitle) return (null, At("Agt", $"the agreement's name holds the control character {inTitle}"));

        var dateText = columns.Get(record, "Dat");
        if (ParseDate(dateText) is not { } date) return (null, At("Dat", DateProblem(dateText)));

        var statusText = columns.Get(record, "Status");
        var status = Statuses.Where(s => string.Equals(s.Code, statusText, StringComparison.OrdinalIgnoreCase)).Select(s => (PaxStatus?)s.Status).FirstOrDefault();
        if (status is null)
            return (null, At("Status", $"'{Shorten(statusText)}' is not a PA-X status; the statuses are {string.Join(", ", Statuses.Select(s => s.Code))}"));

        var typeText = columns.Get(record, "Agtp");
        if (!Enum.TryParse<PaxAgreementType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type) || !typeText.All(char.IsAsciiLetter))
            return (null, At("Agtp", $"'{Shorten(typeText)}' is not a PA-X agreement type; the types are {string.Join(", ", Enum.GetNames<PaxAgreementType>())}"));

        var stageText = columns.Get(record, "Stage");
        if (!PaxStages.TryFromCode(stageText, out var stage))
            return (null, At("Stage", $"'{Shorten(stageText)}' is not a PA-X stage; the stages are {string.Join(", ", Enum.GetValues<PaxStage>().Select(s => s.Code()))}"));

        var processIdText = columns.Get(record, "PP");
        int? processId = null;
        if (processIdText.Length > 0)
        {
            if (!int.TryParse(processIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var pp) || pp <= 0)
                return (null, At("PP", $"'{Shorten(processIdText)}' is not a peace process number (a positive whole number)"));
            processId = pp;
        }
        var processName = columns.Get(record, "PPName");
        if (processName.Length > 300) return (null, At("PPName", "the peace process's name is longer than 300 characters"));
        if (processName.Length == 0 && processId is not null) return (null, At("PPName", $"peace process {processId} has no name"));
        if (Control(processName) is { } inProcess) return (null, At("PPName", $"the peace process's name holds the control character {inProcess}"));

        foreach (var column in new[] { "Part", "ThrdPart" })
        {
            var tooLong = PaxParties.Split(columns.Get(record, column))
                .SelectMany(p => new[] { p.Entity, p.Person })
                .FirstOrDefault(name => name is { Length: > PaxParties.MaxNameLength });
            if (tooLong is not null)
                return (null, At(column, $"the name '{Shorten(tooLong)}' is longer than {PaxParties.MaxNameLength} characters: separate parties with semicolons"));
            var withControl = PaxParties.Split(columns.Get(record, column))
                .SelectMany(p => new[] { p.Entity, p.Person })
                .FirstOrDefault(name => name is not null && Control(name) is not null);
            if (withControl is not null)
                return (null, At(column, $"the name '{Shorten(withControl)}' holds the control character {Control(withControl)}"));
        }

        seen[agtId] = record.Line;
        return (new PaxRow(
            record.Line, record.Fields, agtId, title, date, status.Value, type, stage,
            Optional(columns.Get(record, "StageSub")), Optional(columns.Get(record, "Ver")),
            processName.Length > 0 ? new PeaceProcess(processName, processId) : null,
            Optional(columns.Get(record, "Con")),
            columns.Get(record, "Part"), columns.Get(record, "ThrdPart"), columns.Get(record, "OthAgr")), null);
    }

    /// <summary>
    /// A PA-X date: <c>DD/MM/YYYY</c> as FORMATS.md gives it (one-digit day and month taken too), or
    /// <c>YYYY-MM-DD</c> as some releases write it. Null when it is neither, or names no real day.
    /// </summary>
    public static PartialDate? ParseDate(string text)
    {
        var parts = text.Split('/');
        int year, month, day;
        if (parts.Length == 3 && parts[2].Length == 4 && parts[0].Length is 1 or 2 && parts[1].Length is 1 or 2)
        {
            if (!Number(parts[0], out day) || !Number(parts[1], out month) || !Number(parts[2], out year)) return null;
        }
        else if (text.Split('-') is [var y, var m, var d] && y.Length == 4 && m.Length == 2 && d.Length == 2)
        {
            if (!Number(y, out year) || !Number(m, out month) || !Number(d, out day)) return null;
        }
        else
        {
            return null;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return PartialDate.Day(year, month, day);
    }

    private static string DateProblem(string text)
    {
        if (text.Length == 0) return "the date is empty; PA-X writes DD/MM/YYYY";
        var parts = text.Split('/');
        if (parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && parts[2].Length == 4)
        {
            var (day, month, year) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            if (month is < 1 or > 12) return $"'{text}' has no month {month} (DD/MM/YYYY)";
            if (year >= 1 && (day < 1 || day > DateTime.DaysInMonth(year, month)))
                return $"'{text}' is no date: {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year} has no day {day} (DD/MM/YYYY)";
        }
        return $"'{Shorten(text)}' is not a date in the form DD/MM/YYYY";
    }

    /// <summary>The first control character other than a line break or a tab, as U+XXXX: names may not hold one.</summary>
    private static string? Control(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return $"U+{(int)c:X4}";
        }
        return null;
    }

    private static bool Number(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    /// <summary>A value as quoted in a message: on one line, and never a whole megabyte.</summary>
    internal static string Shorten(string text)
    {
        var line = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length <= 80 ? line : line[..77] + "…";
    }
}
