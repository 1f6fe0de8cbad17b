using Microsoft.AspNetCore.Http.HttpResults;

namespace Pacta.Server.Api;

/// <summary>The API's "no such record" answer: a 404 problem details naming what was looked for.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"no {what} has the id '{id}'");
}
