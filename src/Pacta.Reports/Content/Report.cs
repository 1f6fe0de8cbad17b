namespace Pacta.Reports.Content;

/// <summary>
/// A report as content, before it has a format: sections of paragraphs, tables and charts, with anchors that
/// links point to. The HTML, Markdown and DOCX renderers all read this one model, so the three formats say the
/// same thing.
/// </summary>
public sealed record Report(string Title, IReadOnlyList<string> Subtitle, IReadOnlyList<Section> Sections)
{
    /// <summary>Every anchor the report defines: a link to any other anchor is rendered as plain text.</summary>
    public IReadOnlySet<string> Anchors() =>
        Sections.SelectMany(s => s.Blocks.OfType<Table>().SelectMany(t => t.Rows).Select(r => r.Anchor)
                .Prepend(s.Anchor))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    public IEnumerable<Chart> Charts => Sections.SelectMany(s => s.Blocks).OfType<Chart>();
}

/// <summary>A heading (level 1 or 2) and what follows it.</summary>
public sealed record Section(string Heading, IReadOnlyList<Block> Blocks, int Level = 1, string? Anchor = null);

public abstract record Block;

/// <summary>A paragraph of running text; a note is set smaller, for how to read what follows.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Content, bool IsNote = false) : Block
{
    public Paragraph(params Inline[] content) : this((IReadOnlyList<Inline>)content) { }

    public static Paragraph Note(params Inline[] content) => new(content, IsNote: true);
}

/// <summary>A table with a header row; a row may carry an anchor that links elsewhere point to.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<Row> Rows) : Block;

public sealed record Row(IReadOnlyList<Cell> Cells, string? Anchor = null);

public sealed record Cell(IReadOnlyList<Inline> Content)
{
    public Cell(params Inline[] content) : this((IReadOnlyList<Inline>)content) { }

    public static implicit operator Cell(string text) => new(new Text(text));

    public string PlainText => string.Concat(Content.Select(i => i.PlainText));
}

/// <summary>A chart drawn as a PNG; <see cref="FileStem"/> names it where a format keeps images beside the report.</summary>
public sealed record Chart(string Title, string Description, byte[] Png, int Width, int Height, string FileStem) : Block;

public abstract record Inline
{
    public abstract string PlainText { get; }
}

public sealed record Text(string Value, bool Strong = false, bool Emphasis = false) : Inline
{
    public override string PlainText => Value;
}

/// <summary>A link to an anchor inside the report.</summary>
public sealed record Link(string Value, string Anchor) : Inline
{
    public override string PlainText => Value;
}

/// <summary>A line break inside a paragraph or a cell.</summary>
public sealed record Break : Inline
{
    public static Break Instance { get; } = new();

    public override string PlainText => "\n";
}
