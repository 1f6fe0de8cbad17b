using System.Globalization;
using Pacta.Datasets;
using Pacta.Model;
using Pacta.Reports;
using Pacta.Reports.Compliance;
using Pacta.Reports.Rendering;
using Pacta.Tests.Cli;

namespace Pacta.Tests.Reports;

/// <summary>The DOCX through real LibreOffice: it converts to PDF without error, and the PDF's text has the scores.</summary>
public sealed class LibreOfficeTests
{
    [Fact]
    public void LibreOffice_converts_the_compliance_docx_to_a_pdf_whose_text_has_the_scores()
    {
        var libreoffice = ExternalTool.Require("libreoffice", "libreoffice-writer-nogui");
        var pdftotext = ExternalTool.Require("pdftotext", "poppler-utils");
        var records = new CaseRecords(DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")).Records);
        var statement = new RecordId("trilateral-statement-2020-11-10");
        var asOf = new DateOnly(2025, 12, 31);
        using var folder = new TempFolder();
        using (var file = File.Create(folder["report.docx"])) DocxRenderer.Render(ComplianceReport.Build(records, asOf, statement), file);

        // Its own profile, so that it neither meets a running LibreOffice nor leaves anything in the user's.
        var convert = ExternalTool.Run(libreoffice, folder.Path,
            $"-env:UserInstallation=file://{folder["profile"]}", "--headless", "--convert-to", "pdf", "--outdir", folder["pdf"], folder["report.docx"]);
        Assert.True(convert.ExitCode == 0 && File.Exists(folder["pdf/report.pdf"]), $"libreoffice failed ({convert.ExitCode}): {convert.Out}\n{convert.Error}");
        var text = ExternalTool.Run(pdftotext, folder.Path, folder["pdf/report.pdf"], "-");
        Assert.Equal(0, text.ExitCode);
        var words = string.Join(' ', text.Out.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));

        // The figures, from the roll-ups themselves, as the document's summary sentence and the per-party rows give them.
        var tally = records.Compliance.ForDocument(statement, asOf).Tally;
        Assert.Contains($"{tally.Denominator} scored, {tally.Numerator} of {tally.Possible} points: {Percent(tally.Percentage)}", words, StringComparison.Ordinal);
        Assert.Contains($"{tally.Unscored} assessed without a score, {tally.Unassessed} not assessed", words, StringComparison.Ordinal);
        // A table cell's text may lose its spaces on the way (pdftotext reads "3 / 3" as "3/3"): rows are compared without them.
        var packed = string.Concat(words.Where(c => c != ' '));
        foreach (var party in records.Compliance.ByParty(asOf, statement))
        {
            var t = party.Tally;
            var row = $"{records.Name(new RecordId(party.Key))}{t.Obligations}{t.Denominator}{t.Numerator}/{t.Possible}{Percent(t.Percentage)}";
            Assert.Contains(string.Concat(row.Where(c => c != ' ')), packed, StringComparison.Ordinal);
        }
    }

    private static string Percent(decimal? value) =>
        value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "no score";
}
