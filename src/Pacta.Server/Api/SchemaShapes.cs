using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NetTopologySuite.Geometries;
using Pacta.Model;

namespace Pacta.Server.Api;

/// <summary>
/// The OpenAPI schemas of the types the JSON form writes with converters of its own (PactaJson): left alone,
/// the generator can only say "anything".
/// </summary>
internal static class SchemaShapes
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(RecordId))
            Text(schema, "A record's id: lower-case letters, digits and single hyphens.",
                pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", minLength: 2, maxLength: RecordId.MaxLength);
        else if (type == typeof(PartialDate))
            Text(schema, "An ISO 8601 date at its precision: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY.", pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?|-W[0-9]{2})?$");
        else if (type == typeof(EventType))
            Text(schema, "An event type as scheme:code[/subtype], e.g. acled:Battles/Armed clash, plover:AGREE, cameo:036.");
        else if (type == typeof(Credibility))
            Whole(schema, "Credibility of the information, Admiralty scale: 1 confirmed … 6 cannot be judged.", 1, 6);
        else if (type == typeof(PamScore))
            Whole(schema, "Peace Accords Matrix implementation score: 0 none … 3 full.", 0, PamScore.Full);
        else if (type == typeof(GeoPoint))
        {
            schema.Type = JsonSchemaType.Array;
            schema.Description = "A WGS 84 position, [longitude, latitude] as in GeoJSON.";
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.Number };
            schema.MinItems = 2;
            schema.MaxItems = 2;
        }
        else if (typeof(Geometry).IsAssignableFrom(type))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description = "A GeoJSON geometry (RFC 7946), WGS 84 longitude/latitude.";
        }
        return Task.CompletedTask;
    }

    private static void Text(OpenApiSchema schema, string description, string? pattern = null, int? minLength = null, int? maxLength = null)
    {
        schema.Type = JsonSchemaType.String;
        schema.Description = description;
        schema.Pattern = pattern;
        schema.MinLength = minLength;
        schema.MaxLength = maxLength;
    }

    private static void Whole(OpenApiSchema schema, string description, int minimum, int maximum)
    {
        schema.Type = JsonSchemaType.Integer;
        schema.Description = description;
        schema.Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        schema.Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
