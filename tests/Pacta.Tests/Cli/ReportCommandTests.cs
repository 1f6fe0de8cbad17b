using DocumentFormat.OpenXml.Packaging;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta report</c> through the real program, on a store made with <c>pacta init --sample</c>.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ReportCommandTests() => Assert.Equal(0, Pacta.RunIn(folder.Path, "init", "--sample").ExitCode);

    public void Dispose() => folder.Dispose();

    private string[] Files() => [.. Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Compliance_as_docx_with_no_out_writes_a_dated_file_in_the_current_folder()
    {
        var run = Pacta.RunIn(folder.Path, "report", "compliance", "--format", "docx", "--as-of", "2025-12-31");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        var file = folder["compliance-2025-12-31.docx"];
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(file, false);
        Assert.Contains("Compliance report as of 2025-12-31", document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliance_with_no_date_is_as_of_today_and_html_goes_to_standard_output()
    {
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var run = Pacta.RunIn(folder.Path, "report", "compliance", "--document", "trilateral-statement-2020-11-10");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Compliance report as of {today}", run.Out, StringComparison.Ordinal);
        Assert.Equal(["pacta.db"], Files());
    }

    [Fact]
    public void The_format_follows_the_extension_of_out_and_markdown_gets_its_charts_beside_it()
    {
        var run = Pacta.RunIn(folder.Path, "report", "briefing", "--before", "2025-08-08", "--out", "briefing.md");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Briefing before 2025-08-08", File.ReadAllText(folder["briefing.md"]), StringComparison.Ordinal);

        Assert.Equal(0, Pacta.RunIn(folder.Path, "report", "compliance", "--as-of", "2024", "--out", "c.md").ExitCode);
        Assert.StartsWith("# Compliance report as of 2024-12-31", File.ReadAllText(folder["c.md"]), StringComparison.Ordinal);
        Assert.Equal(["briefing.md", "c-obligation-matrix.png", "c-score-over-time.png", "c.md", "pacta.db"], Files());
    }

    [Theory]
    [InlineData("compliance", "--as-of", "2025-13-01")]
    [InlineData("compliance", "--as-of", "yesterday")]
    [InlineData("briefing", "--before", "2025-02-30")]
    [InlineData("compliance", "--format", "pdf")]
    [InlineData("compliance", "--document", "Not An Id")]
    [InlineData("compliance", "--out", "missing-folder/report.html")]
    [InlineData("briefing", "--out", ".")]
    [InlineData("compliance", "--format", "md", "--out", "report.docx")]
    public void Bad_input_is_a_usage_error_and_writes_nothing(params string[] args)
    {
        string[] command = ["report", .. args];
        var run = Pacta.RunIn(folder.Path, command);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("pacta: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.Equal(["pacta.db"], Files());
    }

    [Fact]
    public void A_document_the_store_lacks_is_invalid_input_and_writes_nothing()
    {
        var run = Pacta.RunIn(folder.Path, "report", "compliance", "--document", "no-such-document");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--document 'no-such-document': the store has no such document", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.Equal(["pacta.db"], Files());
    }

    [Fact]
    public void Without_a_store_the_report_says_how_to_make_one()
    {
        var run = Pacta.RunIn(folder.Path, "report", "briefing", "--db", "other.db");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("other.db: no such store", run.Error, StringComparison.Ordinal);
    }
}
