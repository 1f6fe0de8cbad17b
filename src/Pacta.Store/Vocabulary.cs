using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>How kinds, operations and instants are written in the store's columns: as in the JSON form (kebab-case, ISO 8601).</summary>
internal static class Vocabulary
{
    private static readonly FrozenDictionary<string, RecordKind> KindsByText =
        Enum.GetValues<RecordKind>().ToFrozenDictionary(Text, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ChangeOperation> OperationsByText =
        Enum.GetValues<ChangeOperation>().ToFrozenDictionary(Text, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, EventDataset> DatasetsByText =
        Enum.GetValues<EventDataset>().ToFrozenDictionary(Text, StringComparer.Ordinal);

    public static string Text(RecordKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>"an obligation", "a place": for messages.</summary>
    public static string WithArticle(RecordKind kind) => Text(kind) is var text && "aeiou".Contains(text[0], StringComparison.Ordinal) ? $"an {text}" : $"a {text}";

    public static string Text(EventDataset dataset) => JsonNamingPolicy.KebabCaseLower.ConvertName(dataset.ToString());

    public static string Text(ChangeOperation operation) => JsonNamingPolicy.KebabCaseLower.ConvertName(operation.ToString());

    /// <summary>UTC with a trailing Z and a fixed width, so the text sorts as the instants do.</summary>
    public static string Text(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static RecordKind Kind(string text) =>
        KindsByText.TryGetValue(text, out var kind) ? kind : throw new StoreException($"'{text}' is not a kind of record");

    public static EventDataset Dataset(string text) =>
        DatasetsByText.TryGetValue(text, out var dataset) ? dataset : throw new StoreException($"'{text}' is not an event dataset");

    public static ChangeOperation Operation(string text) =>
        OperationsByText.TryGetValue(text, out var operation) ? operation : throw new StoreException($"'{text}' is not a change operation");

    public static DateTimeOffset Instant(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
