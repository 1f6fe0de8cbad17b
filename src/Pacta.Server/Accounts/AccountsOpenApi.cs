using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pacta.Store.Accounts;

namespace Pacta.Server.Accounts;

/// <summary>
/// What the OpenAPI document says about credentials: a bearer scheme, and on each operation that needs a role, that
/// it takes a token and which role. The docs page then offers to send a token.
/// </summary>
internal static class AccountsOpenApi
{
    public const string SchemeName = "apiToken";

    public static void Describe(OpenApiOptions openApi)
    {
        openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token made with 'pacta token add NAME', sent as 'Authorization: Bearer TOKEN'. Reading needs none.",
            };
            return Task.CompletedTask;
        });
        openApi.AddOperationTransformer((operation, context, _) =>
        {
            var policy = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
            if (policy is null || !Roles.TryParse(policy, out var role)) return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            operation.Description = $"Needs an API token of a user whose role is {role.Text()} or higher.";
            return Task.CompletedTask;
        });
    }
}
