using Pacta.Model;

namespace Pacta.Datasets;

/// <summary>What a dataset says about itself in <c>dataset.yaml</c>.</summary>
public sealed record DatasetInfo(string Format, RecordId Id, string Title, string? Description, string? Notes)
{
    public const string CurrentFormat = "pacta/1";

    public string Format { get; } = Format == CurrentFormat
        ? Format
        : throw new ArgumentException($"format '{Format}' is not supported; this version reads {CurrentFormat}", nameof(Format));
    public RecordId Id { get; } = Id ?? throw new ArgumentException("id is required", nameof(Id));
    public string Title { get; } = string.IsNullOrWhiteSpace(Title) ? throw new ArgumentException("title is required", nameof(Title)) : Title.Trim();
}

/// <summary>A dataset read and checked: its description and all its records.</summary>
public sealed class Dataset(DatasetInfo info, IReadOnlyList<IRecord> records)
{
    public DatasetInfo Info { get; } = info;

    public IReadOnlyList<IRecord> Records { get; } = records;

    public IEnumerable<T> OfType<T>() where T : IRecord => Records.OfType<T>();
}

/// <summary>Where each kind of record lives in a dataset folder.</summary>
public static class DatasetLayout
{
    public const string InfoFile = "dataset.yaml";
    public const string DocumentsFolder = "documents";
    public const string MeetingsFile = "meetings.yaml";

    /// <summary>Geometries too large to review inline: <c>geometry/ID.geojson</c>, one per place, instead of its <c>geometry:</c> key.</summary>
    public const string GeometryFolder = "geometry";

    /// <summary>Places with more vertices than this are written with their geometry in its own file.</summary>
    public const int InlineGeometryVertices = 64;

    /// <summary>The list files, in the order they are read and written (things cited before the things citing them).</summary>
    public static IReadOnlyList<(string File, Type Type)> ListFiles { get; } =
    [
        ("actors.yaml", typeof(Actor)),
        ("sources.yaml", typeof(Source)),
        ("places.yaml", typeof(Place)),
        ("topics.yaml", typeof(Topic)),
        ("events.yaml", typeof(Event)),
        (MeetingsFile, typeof(Event)),
        ("claims.yaml", typeof(Claim)),
        ("issues.yaml", typeof(Issue)),
        ("assessments.yaml", typeof(Assessment)),
    ];

    /// <summary>The file a record is written to, relative to the dataset folder.</summary>
    public static string FileOf(IRecord record) => record switch
    {
        Document document => Path.Combine(DocumentsFolder, document.Id.Value + ".yaml"),
        Event { Meeting: not null } => MeetingsFile,
        _ => ListFiles.First(f => f.Type == record.GetType()).File,
    };
}
