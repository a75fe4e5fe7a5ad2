using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Infrastructure;

/// <summary>Maps the domain's exceptions to ProblemDetails (API) or a status page (UI).</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = DatabaseUnavailable(exception) ? new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Tjänsten är tillfälligt otillgänglig",
            Detail = "Databasen svarar inte just nu. Inget av det du skickade har sparats; försök igen om en stund.",
        } : exception switch
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
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The database cannot be reached (down, restarting, refusing connections, or SQLite's file locked or gone): the
    /// request changed nothing, and the answer is 503 with Retry-After, not 500. Constraint violations and other errors
    /// that the request itself caused are not this.
    /// </summary>
    public static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || pg.SqlState is "55000" or "57P01" or "57P02" or "57P03" or "3D000" or "53300":
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 14:
                    return true; // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN
            }
        }

        return false;
    }

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) ? "body" : path.TrimStart('$', '.').Split('[')[0];
}
