using Pacta.Imports;

namespace Pacta.Tests.Imports;

/// <summary>Reads a CSV text through a format's rows, as an import does, without a store.</summary>
internal static class RowMapping
{
    public const string File = "rows.csv";

    public static List<(ImportedEvent? Event, ImportProblem? Problem)> Map(CsvEventRows rows, string text)
    {
        var reader = new CsvRecords(new StringReader(text));
        var first = reader.Next() ?? throw new InvalidOperationException("no header");
        var mapped = new List<(ImportedEvent?, ImportProblem?)>();
        if (rows.ReadHeader(first)) mapped.Add(rows.Map(first));
        while (reader.Next() is { } record)
        {
            if (record.Problem is null && record.Fields is [""]) continue;
            mapped.Add(rows.Map(record));
        }
        return mapped;
    }

    public static List<(ImportedEvent? Event, ImportProblem? Problem)> Acled(string text) => Map(new AcledRows(File), text);

    public static List<(ImportedEvent? Event, ImportProblem? Problem)> Ucdp(string text) => Map(new UcdpRows(File), text);

    /// <summary>The one event a one-row file maps to (failing with the problem when there is none).</summary>
    public static ImportedEvent One(List<(ImportedEvent? Event, ImportProblem? Problem)> mapped)
    {
        var (e, problem) = Assert.Single(mapped);
        Assert.True(e is not null, problem?.ToString());
        return e!;
    }

    /// <summary>The problem of a one-row file.</summary>
    public static ImportProblem Problem(List<(ImportedEvent? Event, ImportProblem? Problem)> mapped)
    {
        var (e, problem) = Assert.Single(mapped);
        Assert.Null(e);
        return problem!;
    }

    /// <summary>The line and column (from 1) where <paramref name="field"/> starts on the row's line of <paramref name="text"/>.</summary>
    public static (long Line, int Column) Where(string text, int line, string field)
    {
        var lineText = text.Split('\n')[line - 1];
        var index = lineText.IndexOf(field, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{field}' is not on line {line}");
        return (line, index + 1);
    }
}
