using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.IO.Converters;
using Pacta.Model;

namespace Pacta.Json;

/// <summary>
/// The one JSON form of the model: what <c>pacta … --json</c> prints, what the HTTP API serves, what the
/// store keeps, and (through YAML) what a dataset file holds. camelCase, enums in kebab-case, dates in
/// ISO 8601 with their precision, geometry as GeoJSON; unknown members are errors.
/// </summary>
public static class PactaJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented, IndentSize = 2 };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Gives options made elsewhere (ASP.NET Core's, say) the model's JSON form.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        // Keep non-Latin names readable (Ստեփանակերտ, Ханкенди); HTML escaping is the web page's job.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new RecordIdConverter());
        options.Converters.Add(new PartialDateConverter());
        options.Converters.Add(new EventTypeConverter());
        options.Converters.Add(new CredibilityConverter());
        options.Converters.Add(new PamScoreConverter());
        options.Converters.Add(new GeoPointConverter());
        options.Converters.Add(new GeoJsonConverterFactory());
    }

    private sealed class RecordIdConverter : JsonConverter<RecordId>
    {
        public override RecordId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"expected an id, found {Describe(reader)}");
            var text = reader.GetString();
            return RecordId.IsValid(text)
                ? new RecordId(text!)
                : throw new JsonException($"'{text}' is not a valid id: use lower-case letters, digits and single hyphens (2–{RecordId.MaxLength} characters)");
        }

        public override void Write(Utf8JsonWriter writer, RecordId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);

        public override RecordId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, RecordId value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.Value);
    }

    private sealed class PartialDateConverter : JsonConverter<PartialDate>
    {
        public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // A bare year may arrive as a number (YAML reads 1994 as an integer).
            var text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number when reader.TryGetInt32(out var year) => year.ToString("D4", CultureInfo.InvariantCulture),
                _ => Describe(reader),
            };
            return PartialDate.TryParse(text, out var date, out var error) ? date : throw new JsonException(error);
        }

        public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class EventTypeConverter : JsonConverter<EventType>
    {
        public override EventType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : Describe(reader);
            return EventType.TryParse(text, out var type, out var error) ? type : throw new JsonException(error);
        }

        public override void Write(Utf8JsonWriter writer, EventType value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class CredibilityConverter : JsonConverter<Credibility>
    {
        public override Credibility Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value is >= 1 and <= 6
                ? new Credibility(value)
                : throw new JsonException($"credibility is graded 1 (confirmed) to 6 (cannot be judged), not {Describe(reader)}");

        public override void Write(Utf8JsonWriter writer, Credibility value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Value);
    }

    private sealed class PamScoreConverter : JsonConverter<PamScore>
    {
        public override PamScore Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value is >= 0 and <= PamScore.Full
                ? new PamScore(value)
                : throw new JsonException($"a PAM score is 0, 1, 2 or 3, not {Describe(reader)}");

        public override void Write(Utf8JsonWriter writer, PamScore value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Value);
    }

    /// <summary>A point as GeoJSON writes a position: <c>[longitude, latitude]</c>.</summary>
    private sealed class GeoPointConverter : JsonConverter<GeoPoint>
    {
        public override GeoPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            const string Expected = "a point is written [longitude, latitude]";
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException(Expected);
            var values = new List<double>(2);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number) throw new JsonException(Expected);
                values.Add(reader.GetDouble());
            }
            if (values.Count != 2) throw new JsonException(Expected);
            if (values[0] is < -180 or > 180) throw new JsonException($"longitude {values[0].ToString(CultureInfo.InvariantCulture)} is outside -180..180");
            if (values[1] is < -90 or > 90) throw new JsonException($"latitude {values[1].ToString(CultureInfo.InvariantCulture)} is outside -90..90");
            return new GeoPoint(values[0], values[1]);
        }

        public override void Write(Utf8JsonWriter writer, GeoPoint value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Longitude);
            writer.WriteNumberValue(value.Latitude);
            writer.WriteEndArray();
        }
    }

    private static string Describe(Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"'{reader.GetString()}'",
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.StartObject => "a mapping",
        _ => reader.TokenType.ToString(),
    };
}
