using System.Collections.Frozen;
using System.Text.Json;
using Pacta.Json;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>
/// A record's body as the store keeps it: <see cref="PactaJson.Options"/>, compact. The same record always
/// serialises to the same text, which is how a write tells an unchanged record from a changed one.
/// </summary>
internal static class CanonicalJson
{
    private static readonly FrozenDictionary<RecordKind, Type> Types = new Dictionary<RecordKind, Type>
    {
        [RecordKind.Actor] = typeof(Actor),
        [RecordKind.Source] = typeof(Source),
        [RecordKind.Place] = typeof(Place),
        [RecordKind.Document] = typeof(Document),
        [RecordKind.Assessment] = typeof(Assessment),
        [RecordKind.Event] = typeof(Event),
        [RecordKind.Topic] = typeof(Topic),
        [RecordKind.Claim] = typeof(Claim),
        [RecordKind.Issue] = typeof(Issue),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Type, RecordKind> Kinds = Types.ToFrozenDictionary(p => p.Value, p => p.Key);

    public static string Serialize(IRecord record) =>
        JsonSerializer.Serialize(record, record.GetType(), PactaJson.Options);

    /// <summary>The same text as <see cref="Serialize"/>, as UTF-8 bytes.</summary>
    public static byte[] SerializeToUtf8(IRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), PactaJson.Options);

    public static IRecord Deserialize(RecordKind kind, string body) =>
        JsonSerializer.Deserialize(body, TypeOf(kind), PactaJson.Options) as IRecord
        ?? throw new JsonException($"the body of a {Vocabulary.Text(kind)} is empty");

    /// <summary>The record type of a kind; obligations have none, as they live inside documents.</summary>
    public static Type TypeOf(RecordKind kind) =>
        Types.TryGetValue(kind, out var type)
            ? type
            : throw new ArgumentException($"{Vocabulary.Text(kind)}s are not records of their own", nameof(kind));

    public static RecordKind KindOf(Type type) =>
        Kinds.TryGetValue(type, out var kind)
            ? kind
            : throw new ArgumentException($"{type.Name} is not a kind of record the store keeps", nameof(type));
}
