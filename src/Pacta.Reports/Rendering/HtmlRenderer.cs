using System.Net;
using System.Text;
using Pacta.Reports.Content;

namespace Pacta.Reports.Rendering;

/// <summary>
/// A report as one self-contained HTML file: the CSS is inline, charts are PNG data: URIs, and the only links
/// are to anchors inside the file, so it reads the same offline.
/// </summary>
public static class HtmlRenderer
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var anchors = report.Anchors();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(report.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Encode(report.Title)).Append("</h1>\n");
        foreach (var line in report.Subtitle) html.Append("<p class=\"subtitle\">").Append(Encode(line)).Append("</p>\n");

        html.Append("<nav class=\"contents\" aria-label=\"Contents\"><ol>\n");
        foreach (var section in report.Sections.Where(s => s.Level == 1))
            html.Append("<li>").Append(section.Anchor is { } a ? $"<a href=\"#{Encode(a)}\">{Encode(section.Heading)}</a>" : Encode(section.Heading)).Append("</li>\n");
        html.Append("</ol></nav>\n");

        foreach (var section in report.Sections)
        {
            var tag = section.Level == 1 ? "h2" : "h3";
            html.Append('<').Append(tag).Append(section.Anchor is { } id ? $" id=\"{Encode(id)}\"" : "").Append('>')
                .Append(Encode(section.Heading)).Append("</").Append(tag).Append(">\n");
            foreach (var block in section.Blocks) Block(html, block, anchors);
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Block(StringBuilder html, Block block, IReadOnlySet<string> anchors)
    {
        switch (block)
        {
            case Paragraph p:
                html.Append(p.IsNote ? "<p class=\"note\">" : "<p>");
                Inlines(html, p.Content, anchors);
                html.Append("</p>\n");
                break;
            case Table t:
                html.Append("<div class=\"table\"><table>\n<thead><tr>");
                foreach (var header in t.Headers) html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
                html.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in t.Rows)
                {
                    html.Append(row.Anchor is { } id ? $"<tr id=\"{Encode(id)}\">" : "<tr>");
                    foreach (var cell in row.Cells)
                    {
                        html.Append("<td>");
                        Inlines(html, cell.Content, anchors);
                        html.Append("</td>");
                    }
                    html.Append("</tr>\n");
                }
                html.Append("</tbody>\n</table></div>\n");
                break;
            case Chart c:
                html.Append("<figure class=\"chart\" data-chart=\"").Append(Encode(c.FileStem)).Append("\">")
                    .Append("<img alt=\"").Append(Encode(c.Title + ": " + c.Description)).Append("\" width=\"").Append(c.Width)
                    .Append("\" height=\"").Append(c.Height).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(c.Png)).Append("\">")
                    .Append("<figcaption><strong>").Append(Encode(c.Title)).Append(".</strong> ").Append(Encode(c.Description)).Append("</figcaption></figure>\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "no HTML for this block");
        }
    }

    private static void Inlines(StringBuilder html, IEnumerable<Inline> inlines, IReadOnlySet<string> anchors)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text { Strong: true, Emphasis: true } t: html.Append("<strong><em>").Append(Encode(t.Value)).Append("</em></strong>"); break;
                case Text { Strong: true } t: html.Append("<strong>").Append(Encode(t.Value)).Append("</strong>"); break;
                case Text { Emphasis: true } t: html.Append("<em>").Append(Encode(t.Value)).Append("</em>"); break;
                case Text t: html.Append(Encode(t.Value)); break;
                case Link l when anchors.Contains(l.Anchor): html.Append("<a href=\"#").Append(Encode(l.Anchor)).Append("\">").Append(Encode(l.Value)).Append("</a>"); break;
                case Link l: html.Append(Encode(l.Value)); break;
                case Break: html.Append("<br>"); break;
                default: throw new ArgumentOutOfRangeException(nameof(inlines), inline.GetType().Name, "no HTML for this inline");
            }
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; color: #1d2330; margin: 0; background: #fff; }
        main { max-width: 1300px; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
        h1 { font-size: 1.7rem; margin-bottom: .3rem; }
        h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #d5dae3; padding-bottom: .2rem; }
        h3 { font-size: 1.08rem; margin-top: 1.4rem; }
        .subtitle { color: #4a5468; margin: .2rem 0; }
        .note { color: #4a5468; font-size: .88rem; max-width: 75rem; }
        .contents ol { columns: 2; font-size: .92rem; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; margin: .6rem 0 1rem; width: 100%; }
        th, td { border: 1px solid #cfd5df; padding: .3rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eef1f6; font-weight: 600; }
        tbody tr:nth-child(even) { background: #fafbfd; }
        tr:target { background: #fff6cc; }
        a { color: #1a56b0; }
        figure.chart { margin: 1rem 0; }
        figure.chart img { max-width: 100%; height: auto; border: 1px solid #e1e5ec; }
        figcaption { color: #4a5468; font-size: .88rem; margin-top: .3rem; }
        @media print { main { max-width: none; } .contents { display: none; } }

        """;
}
