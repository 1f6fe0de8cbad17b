using Swashbuckle.AspNetCore.SwaggerUI;

namespace Pacta.Server.Api;

/// <summary>The HTTP API under <c>/api/v1</c>, its OpenAPI 3.1 document and its interactive docs, all served from this machine.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    private const string Description =
        "A Pacta store: agreements and their obligations with derived status, events, meetings, " +
        "claims side by side, negotiation issues, places under every name, sources and actors. Reading is open; contributors propose records with an API token, " +
        "each replacement naming the version it starts from (ETag / If-Match), and each proposal is a draft until a reviewer other than its author " +
        "publishes it (/api/v1/drafts). Errors are problem details (RFC 9457).";

    public static IServiceCollection AddApi(this IServiceCollection services) =>
        services.AddExceptionHandler<StoreBusyAnswer>().AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new() { Title = "Pacta", Version = "v1", Description = Description };
                // No server address: clients (the docs page too) use the one they reached, and the document is the same on every host.
                document.Servers = [];
                return Task.CompletedTask;
            });
            openApi.AddSchemaTransformer(SchemaShapes.Describe);
        });

    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix).ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapDocumentsApi();
        api.MapObligationsApi();
        api.MapComplianceApi();
        api.MapEventsApi();
        api.MapMeetingsApi();
        api.MapClaimsApi();
        api.MapIssuesApi();
        api.MapPlacesApi();
        api.MapSourcesApi();
        api.MapActorsApi();
        api.MapLayersApi();
        api.MapAccountsApi();
        api.MapRecordWritesApi();
        api.MapDraftsApi();

        app.MapOpenApi();
        // Swagger UI's own files are embedded in its package: nothing comes from a CDN.
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api/docs";
            ui.DocumentTitle = "Pacta API";
            ui.SwaggerEndpoint("/openapi/v1.json", "Pacta v1");
            ui.DocExpansion(DocExpansion.List);
        });
        return app;
    }
}
