using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary>
/// A write that waited too long for another writer (<see cref="StoreBusyException"/>: an import in another process holds
/// the store) is answered 503 Service Unavailable with Retry-After and problem details, on either backend: nothing was
/// written and the same request may be sent again, where anything else unexpected is a 500.
/// </summary>
internal sealed class StoreBusyAnswer(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreBusyException) return false;
        var seconds = (int)Math.Ceiling(StoreBusyException.RetryAfter.TotalSeconds);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // The exception's message names the store's location, which is not the client's business.
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = $"another writer holds the store (an import, say): nothing was written; try again in {seconds} s",
            },
        });
        return true;
    }
}
