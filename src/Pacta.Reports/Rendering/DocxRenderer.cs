using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pacta.Reports.Content;
using Break = Pacta.Reports.Content.Break;
using Text = Pacta.Reports.Content.Text;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Pacta.Reports.Rendering;

/// <summary>
/// A report as a Word document: real headings (so Word and LibreOffice build a navigation pane from them), real
/// tables with a repeated header row, charts as embedded PNG pictures, and internal links to bookmarks. The page
/// is A4 landscape, for the wide obligation tables.
/// </summary>
public static class DocxRenderer
{
    // A4 landscape in twentieths of a point, with 1.5 cm margins.
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 850;
    private const long EmuPerTwip = 635, EmuPerPixel = 9525;

    public static void Render(Report report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = report.Title;
        package.PackageProperties.Creator = "Pacta";
        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        var writer = new Writer(main, report.Anchors());
        var body = new Body();

        body.Append(writer.Paragraph("Title", [new Text(report.Title)]));
        foreach (var line in report.Subtitle) body.Append(writer.Paragraph("Subtitle", [new Text(line)]));
        foreach (var section in report.Sections)
        {
            body.Append(writer.Paragraph(section.Level == 1 ? "Heading1" : "Heading2", [new Text(section.Heading)], section.Anchor));
            foreach (var block in section.Blocks) body.Append(writer.Block(block));
        }
        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 425, Footer = 425, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private sealed class Writer(MainDocumentPart main, IReadOnlySet<string> anchors)
    {
        private readonly Dictionary<string, string> bookmarks = new(StringComparer.Ordinal);
        private int nextBookmark;
        private uint nextPicture = 1;

        /// <summary>Word wants bookmark names of at most 40 letters, digits and underscores, starting with a letter.</summary>
        private string Bookmark(string anchor)
        {
            if (!bookmarks.TryGetValue(anchor, out var name))
            {
                name = "ref" + bookmarks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                bookmarks[anchor] = name;
            }
            return name;
        }

        public IEnumerable<OpenXmlElement> Block(Block block) => block switch
        {
            Content.Paragraph p => [Paragraph(p.IsNote ? "Note" : null, p.Content)],
            Content.Table t => [Table(t), new DocumentFormat.OpenXml.Wordprocessing.Paragraph()],
            Chart c => Chart(c),
            _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "no DOCX for this block"),
        };

        public DocumentFormat.OpenXml.Wordprocessing.Paragraph Paragraph(string? style, IEnumerable<Inline> content, string? anchor = null)
        {
            var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph();
            if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            if (anchor is not null)
            {
                var id = (nextBookmark++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                paragraph.Append(new BookmarkStart { Name = Bookmark(anchor), Id = id });
                paragraph.Append(Runs(content));
                paragraph.Append(new BookmarkEnd { Id = id });
            }
            else
            {
                paragraph.Append(Runs(content));
            }
            return paragraph;
        }

        private IEnumerable<OpenXmlElement> Runs(IEnumerable<Inline> content)
        {
            foreach (var inline in content)
            {
                switch (inline)
                {
                    case Text t:
                        yield return Run(t.Value, t.Strong, t.Emphasis, link: false);
                        break;
                    case Link l when anchors.Contains(l.Anchor):
                        yield return new Hyperlink(Run(l.Value, strong: false, emphasis: false, link: true)) { Anchor = Bookmark(l.Anchor), History = true };
                        break;
                    case Link l:
                        yield return Run(l.Value, strong: false, emphasis: false, link: false);
                        break;
                    case Break:
                        yield return new Run(new DocumentFormat.OpenXml.Wordprocessing.Break());
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(content), inline.GetType().Name, "no DOCX for this inline");
                }
            }
        }

        private static Run Run(string text, bool strong, bool emphasis, bool link)
        {
            var run = new Run();
            if (strong || emphasis || link)
            {
                var properties = new RunProperties();
                if (link) properties.Append(new RunStyle { Val = "Hyperlink" });
                if (strong) properties.Append(new Bold());
                if (emphasis) properties.Append(new Italic());
                run.Append(properties);
            }
            run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
            return run;
        }

        private DocumentFormat.OpenXml.Wordprocessing.Table Table(Content.Table table)
        {
            var border = new Func<OpenXmlElement>[]
            {
                () => new TopBorder(), () => new LeftBorder(), () => new BottomBorder(), () => new RightBorder(),
                () => new InsideHorizontalBorder(), () => new InsideVerticalBorder(),
            };
            var borders = new TableBorders();
            foreach (var make in border)
            {
                var b = (BorderType)make();
                b.Val = BorderValues.Single;
                b.Size = 4;
                b.Color = "B7BFCC";
                borders.Append(b);
            }
            var result = new DocumentFormat.OpenXml.Wordprocessing.Table(new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                borders,
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa })));
            // Columns share the page by how much text they hold (within bounds), so prose columns get room and counts do not.
            var weights = table.Headers.Select((h, i) => Math.Clamp(
                table.Rows.Select(r => i < r.Cells.Count ? r.Cells[i].PlainText.Length : 0).DefaultIfEmpty(0).Average() + 4,
                Math.Min(h.Length, 14) + 2, 70)).ToList();
            var widths = weights.Select(w => ((int)((PageWidth - 2 * Margin) * w / weights.Sum())).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var grid = new TableGrid();
            foreach (var width in widths) grid.Append(new GridColumn { Width = width });
            result.Append(grid);
            TableCellWidth Width(int column) => new() { Width = widths[Math.Min(column, widths.Count - 1)], Type = TableWidthUnitValues.Dxa };

            var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            foreach (var (text, column) in table.Headers.Select((h, i) => (h, i)))
                header.Append(new TableCell(
                    new TableCellProperties(Width(column), new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EEF1F6" }),
                    Paragraph("TableText", [new Text(text, Strong: true)])));
            result.Append(header);
            foreach (var row in table.Rows)
            {
                var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
                for (var i = 0; i < row.Cells.Count; i++)
                    tableRow.Append(new TableCell(new TableCellProperties(Width(i)), Paragraph("TableText", row.Cells[i].Content, i == 0 ? row.Anchor : null)));
                result.Append(tableRow);
            }
            return result;
        }

        private IEnumerable<OpenXmlElement> Chart(Chart chart)
        {
            var image = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(chart.Png)) image.FeedData(png);
            var relationship = main.GetIdOfPart(image);

            // Fit the page: the text area less a little, keeping the aspect ratio.
            var maxWidth = (PageWidth - 2 * Margin) * EmuPerTwip;
            var maxHeight = (PageHeight - 2 * Margin) * EmuPerTwip * 9 / 10;
            long width = chart.Width * EmuPerPixel, height = chart.Height * EmuPerPixel;
            var scale = Math.Min(1.0, Math.Min((double)maxWidth / width, (double)maxHeight / height));
            width = (long)(width * scale);
            height = (long)(height * scale);

            var id = nextPicture++;
            var name = chart.FileStem + ".png";
            var picture = new PIC.Picture(
                new PIC.NonVisualPictureProperties(
                    new PIC.NonVisualDrawingProperties { Id = 0U, Name = name, Description = chart.Description },
                    new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = width, Cy = height }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
            var inline = new DW.Inline(
                new DW.Extent { Cx = width, Cy = height },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = chart.Title, Description = chart.Description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            };
            yield return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
                new Run(new Drawing(inline)));
            yield return Paragraph("Caption", [new Text(chart.Title + ". ", Strong: true), new Text(chart.Description)]);
        }
    }

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold = false, string? colour = null, int before = 0, int after = 120, bool keepNext = false, int? outline = null, bool italic = false)
        {
            var run = new StyleRunProperties(new RunFonts { Ascii = "DejaVu Sans", HighAnsi = "DejaVu Sans", ComplexScript = "DejaVu Sans", EastAsia = "DejaVu Sans" });
            if (bold) run.Append(new Bold());
            if (italic) run.Append(new Italic());
            if (colour is not null) run.Append(new Color { Val = colour });
            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var paragraph = new StyleParagraphProperties();
            if (keepNext) paragraph.Append(new KeepNext());
            paragraph.Append(new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };
            return style;
        }

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "100" }),
            new StyleRunProperties(new RunFonts { Ascii = "DejaVu Sans", HighAnsi = "DejaVu Sans", ComplexScript = "DejaVu Sans", EastAsia = "DejaVu Sans" }, new FontSize { Val = "19" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var hyperlink = new Style(new StyleName { Val = "Hyperlink" }, new StyleRunProperties(new Color { Val = "1A56B0" }, new Underline { Val = UnderlineValues.Single }))
        { Type = StyleValues.Character, StyleId = "Hyperlink" };
        var table = new Style(new StyleName { Val = "Report Table" }, new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        { Type = StyleValues.Table, StyleId = "ReportTable" };
        return new Styles(
            normal,
            Paragraph("Title", "Title", 40, bold: true, after: 80),
            Paragraph("Subtitle", "Subtitle", 20, colour: "4A5468", after: 60),
            Paragraph("Heading1", "heading 1", 30, bold: true, colour: "1D2330", before: 360, after: 120, keepNext: true, outline: 0),
            Paragraph("Heading2", "heading 2", 24, bold: true, colour: "1D2330", before: 240, after: 100, keepNext: true, outline: 1),
            Paragraph("Note", "Report Note", 17, colour: "4A5468", after: 100),
            Paragraph("TableText", "Table Text", 16, after: 0),
            Paragraph("Caption", "caption", 17, colour: "4A5468", after: 200, italic: true),
            hyperlink,
            table);
    }
}
