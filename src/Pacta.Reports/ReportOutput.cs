using System.Text;
using Pacta.Files;
using Pacta.Reports.Content;
using Pacta.Reports.Rendering;

namespace Pacta.Reports;

public enum ReportFormat { Html, Markdown, Docx }

public static class ReportFormats
{
    public static ReportFormat? Parse(string name) => name.ToLowerInvariant() switch
    {
        "html" or "htm" => ReportFormat.Html,
        "md" or "markdown" => ReportFormat.Markdown,
        "docx" => ReportFormat.Docx,
        _ => null,
    };

    public static ReportFormat? FromExtension(string path) =>
        Path.GetExtension(path) is { Length: > 1 } extension ? Parse(extension[1..]) : null;

    public static string Name(ReportFormat format) => format switch
    {
        ReportFormat.Html => "html",
        ReportFormat.Markdown => "md",
        ReportFormat.Docx => "docx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

/// <summary>
/// Writes a report in a format. Files are written whole (<see cref="WholeFile"/>): under a temporary name in the
/// same folder, moved into place only when complete, so a failure leaves no partial report (and an earlier one untouched).
/// </summary>
public static class ReportOutput
{
    /// <summary>
    /// Writes the report to <paramref name="path"/>, or, with none, HTML and Markdown to <paramref name="console"/>
    /// and DOCX to <paramref name="defaultName"/>.docx in the current folder. Returns the file written, if any.
    /// Markdown written to a file gets its charts as PNG files beside it (REPORT-CHART.png).
    /// </summary>
    public static string? Write(Report report, ReportFormat format, string? path, TextWriter console, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        if (path is null && format != ReportFormat.Docx)
        {
            console.Write(format == ReportFormat.Html ? HtmlRenderer.Render(report) : MarkdownRenderer.Render(report, _ => null));
            return null;
        }
        var target = Path.GetFullPath(path ?? defaultName + ".docx");
        // Every file of the report is written first, then all are moved into place: a failure leaves none of them.
        var files = new List<WholeFile>();
        try
        {
            switch (format)
            {
                case ReportFormat.Html:
                    files.Add(Stage(target, stream => stream.Write(Encoding.UTF8.GetBytes(HtmlRenderer.Render(report)))));
                    break;
                case ReportFormat.Docx:
                    files.Add(Stage(target, stream => DocxRenderer.Render(report, stream)));
                    break;
                case ReportFormat.Markdown:
                    var stem = Path.GetFileNameWithoutExtension(target);
                    foreach (var chart in report.Charts)
                        files.Add(Stage(Path.Combine(Path.GetDirectoryName(target)!, ChartFile(stem, chart)), stream => stream.Write(chart.Png)));
                    files.Add(Stage(target, stream => stream.Write(Encoding.UTF8.GetBytes(MarkdownRenderer.Render(report, c => ChartFile(stem, c))))));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, null);
            }
            foreach (var file in files) file.Commit();
            return target;
        }
        finally
        {
            foreach (var file in files) file.Dispose();
        }
    }

    public static string ChartFile(string reportStem, Chart chart) => $"{reportStem}-{chart.FileStem}.png";

    private static WholeFile Stage(string final, Action<Stream> write)
    {
        var file = new WholeFile(final);
        try
        {
            write(file.Stream);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
