using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pacta.Datasets;
using Pacta.Reports;
using Pacta.Reports.Briefing;
using Pacta.Reports.Compliance;
using Pacta.Reports.Content;
using Pacta.Reports.Rendering;
using Pacta.Tests.Cli;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pacta.Tests.Reports;

/// <summary>The three formats of one report: a valid Word document, self-contained HTML, Markdown with its charts beside it.</summary>
public sealed partial class RenderingTests
{
    private static readonly Lazy<CaseRecords> Bundled = new(() =>
        new CaseRecords(DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")).Records));

    private static readonly DateOnly AsOf = new(2025, 12, 31);

    private static readonly Lazy<Report> Compliance = new(() => ComplianceReport.Build(Bundled.Value, AsOf));

    private static byte[] Docx(Report report)
    {
        using var stream = new MemoryStream();
        DocxRenderer.Render(report, stream);
        return stream.ToArray();
    }

    [Fact]
    public void The_docx_of_each_report_passes_the_open_xml_validator_with_no_error()
    {
        foreach (var report in new[] { Compliance.Value, BriefingReport.Build(Bundled.Value, new DateOnly(2025, 8, 1)), ComplianceReport.Build(SmallCase.Case(), SmallCase.AsOf) })
        {
            using var stream = new MemoryStream(Docx(report));
            using var document = WordprocessingDocument.Open(stream, false);
            var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, $"{report.Title}: " + string.Join("\n", errors.Take(20)));
        }
    }

    [Fact]
    public void The_docx_has_headings_tables_two_pictures_and_links_that_land_on_bookmarks()
    {
        using var stream = new MemoryStream(Docx(Compliance.Value));
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;

        var headings = body.Descendants<W.ParagraphStyleId>().Where(s => s.Val?.Value is "Heading1").Count();
        Assert.Equal(Compliance.Value.Sections.Count(s => s.Level == 1), headings);
        Assert.Equal(Compliance.Value.Sections.SelectMany(s => s.Blocks).OfType<Table>().Count(), body.Descendants<W.Table>().Count());
        Assert.Equal(2, document.MainDocumentPart.ImageParts.Count());
        var bookmarks = body.Descendants<W.BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        var links = body.Descendants<W.Hyperlink>().Select(h => h.Anchor!.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, anchor => Assert.Contains(anchor, bookmarks));
    }

    [Fact]
    public void The_html_needs_nothing_outside_the_file()
    {
        var html = HtmlRenderer.Render(Compliance.Value);

        Assert.Empty(ExternalReference().Matches(html).Select(m => m.Value));
        Assert.Equal(2, ImageData().Matches(html).Count);
        // Every in-page link has its target.
        var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        var hrefs = InPageLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Contains(href, ids));
    }

    [Fact]
    public void Text_from_the_data_stays_text_in_html_and_markdown()
    {
        var report = new Report("<script>alert(1)</script>", ["a | b"], [new Section("S", [
            new Table(["h"], [new Row([new Cell(new Text("x | <b>y</b> *z*"))])]),
        ])]);

        var html = HtmlRenderer.Render(report);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;y&lt;/b&gt;", html, StringComparison.Ordinal);
        var md = MarkdownRenderer.Render(report, _ => null);
        Assert.Contains("| x \\| \\<b\\>y\\</b\\> \\*z\\* |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_written_to_a_file_has_its_charts_as_png_files_beside_it()
    {
        using var folder = new TempFolder();
        var path = ReportOutput.Write(Compliance.Value, ReportFormat.Markdown, folder["compliance.md"], TextWriter.Null, "unused");

        Assert.Equal(folder["compliance.md"], path);
        var md = File.ReadAllText(path!);
        foreach (var chart in new[] { "compliance-score-over-time.png", "compliance-obligation-matrix.png" })
        {
            Assert.Contains($"]({chart})", md, StringComparison.Ordinal);
            var png = File.ReadAllBytes(folder[chart]);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }
        Assert.Contains("| document | obligations | scored |", md, StringComparison.Ordinal);
        Assert.Equal(["compliance-obligation-matrix.png", "compliance-score-over-time.png", "compliance.md"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failed_write_leaves_no_file_and_an_earlier_report_untouched()
    {
        using var folder = new TempFolder();
        var target = folder["report.docx"];
        File.WriteAllText(target, "earlier");
        var broken = new Report("broken", [], [new Section("S", [new Broken()])]);

        Assert.ThrowsAny<ArgumentException>(() => ReportOutput.Write(broken, ReportFormat.Docx, target, TextWriter.Null, "unused"));
        Assert.Equal("earlier", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void The_charts_are_png_images_of_the_stated_size()
    {
        foreach (var chart in Compliance.Value.Charts)
        {
            // PNG header: width and height as big-endian integers at bytes 16–23.
            var png = chart.Png;
            Assert.Equal(chart.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.Equal(chart.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
            Assert.True(png.Length > 5_000, $"{chart.FileStem} is suspiciously small ({png.Length} bytes)");
        }
    }

    private sealed record Broken : Block;

    [GeneratedRegex("""(?:src|href)\s*=\s*"(?!#|data:)[^"]*"|url\(|@import|https?://""")]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""<img [^>]*src="data:image/png;base64,""")]
    private static partial Regex ImageData();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex InPageLink();
}

/// <summary>The charts' font: SkiaSharp finds system fonts itself, and without one a chart has no text at all.</summary>
public sealed class ChartFontTests
{
    [Fact]
    public void The_chart_font_is_installed_where_skia_finds_it()
    {
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName("DejaVu Sans");
        if (typeface?.FamilyName != "DejaVu Sans")
        {
            const string reason = "DejaVu Sans is not installed: apt-get install fonts-dejavu-core (the charts' text needs it)";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
            Assert.Skip(reason);
        }
        Assert.True(typeface.GlyphCount > 100);
    }
}
