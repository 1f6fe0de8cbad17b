using System.Text;
using Pacta.Reports.Content;

namespace Pacta.Reports.Rendering;

/// <summary>
/// A report as Markdown (GitHub-flavoured tables). Anchors are HTML <c>&lt;a id&gt;</c> tags, which Markdown
/// viewers keep; charts are images whose files the caller writes beside the report, named by
/// <paramref name="chartFile"/> (or, with no such file, a line that says where the chart would be).
/// </summary>
public static class MarkdownRenderer
{
    public static string Render(Report report, Func<Chart, string?> chartFile)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(chartFile);
        var anchors = report.Anchors();
        var md = new StringBuilder();
        md.Append("# ").Append(Line(report.Title)).Append("\n\n");
        foreach (var line in report.Subtitle) md.Append(Escape(line)).Append("  \n");
        md.Append('\n');
        foreach (var section in report.Sections)
        {
            if (section.Anchor is { } id) md.Append("<a id=\"").Append(id).Append("\"></a>\n\n");
            md.Append(section.Level == 1 ? "## " : "### ").Append(Line(section.Heading)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        if (p.IsNote) md.Append("> ");
                        md.Append(Inlines(p.Content, anchors, inTable: false)).Append("\n\n");
                        break;
                    case Table t:
                        md.Append("| ").Append(string.Join(" | ", t.Headers.Select(h => Cell(Escape(h))))).Append(" |\n");
                        md.Append('|').Append(string.Concat(t.Headers.Select(_ => "---|"))).Append('\n');
                        foreach (var row in t.Rows)
                        {
                            var cells = row.Cells.Select(c => Inlines(c.Content, anchors, inTable: true)).ToList();
                            if (row.Anchor is { } rowId) cells[0] = $"<a id=\"{rowId}\"></a>" + cells[0];
                            md.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
                        }
                        md.Append('\n');
                        break;
                    case Chart c:
                        md.Append(chartFile(c) is { } file
                            ? $"![{Line(c.Title)}]({file})\n\n*{Escape(c.Description)}*\n\n"
                            : $"*Chart \"{Line(c.Title)}\": written only with --out FILE.md, as a PNG file beside the report.*\n\n");
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(report), block.GetType().Name, "no Markdown for this block");
                }
            }
        }
        return md.ToString();
    }

    private static string Inlines(IEnumerable<Inline> inlines, IReadOnlySet<string> anchors, bool inTable)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines)
        {
            text.Append(inline switch
            {
                Text { Value.Length: 0 } => "",
                Text { Strong: true } t => Wrap(t.Value, "**"),
                Text { Emphasis: true } t => Wrap(t.Value, "*"),
                Text t => Escape(t.Value),
                Link l when anchors.Contains(l.Anchor) => $"[{Escape(l.Value)}](#{l.Anchor})",
                Link l => Escape(l.Value),
                Break => inTable ? "<br>" : "  \n",
                _ => throw new ArgumentOutOfRangeException(nameof(inlines), inline.GetType().Name, "no Markdown for this inline"),
            });
        }
        return inTable ? Cell(text.ToString()) : text.ToString();
    }

    /// <summary>Strong or emphasised text, with the markers inside any surrounding spaces (Markdown ignores "** x**").</summary>
    private static string Wrap(string value, string marker)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return value;
        var lead = value[..value.IndexOf(trimmed[0], StringComparison.Ordinal)];
        var trail = value[(lead.Length + trimmed.Length)..];
        return lead + marker + Escape(trimmed) + marker + trail;
    }

    private static string Cell(string text) => text.Replace("\n", "<br>", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Line(string text) => Escape(text).Replace('\n', ' ');

    /// <summary>Escapes the characters that would start Markdown or HTML markup in text from the data (a table cell's | is escaped by <see cref="Cell"/>).</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
