using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Infrastructure;

/// <summary>Maps the domain's exceptions to ProblemDetails (API) or a status page (UI).</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ConflictException e => new ProblemDetails { Status = 409, Title = "Konflikt", Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Behörighet saknas", Detail = e.Message },
            ValidationException e => new HttpValidationProblemDetails(e.Errors) { Status = 400, Title = "Uppgifterna är inte giltiga" },
            BadHttpRequestException e when e.InnerException is System.Text.Json.JsonException json => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [JsonField(json.Path)] = ["Värdet har fel typ eller format."] })
            {
                Status = 400,
                Title = "Begäran kunde inte läsas",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = OpenApi.ApiAnswers.UnsupportedMediaTypeTitle,
                Detail = OpenApi.ApiAnswers.UnsupportedMediaTypeDetail,
            },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Begäran kunde inte läsas", Detail = "Kontrollera att innehållet är giltig JSON." },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            // Pages show the status page rather than JSON.
            httpContext.Response.Redirect($"/Error?status={problem.Status}");
            return true;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) ? "body" : path.TrimStart('$', '.').Split('[')[0];
}
