using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Infrastructure;

/// <summary>The few ProblemDetails answers every feature gives, worded once.</summary>
public static class ApiResults
{
    // A ProblemHttpResult, not NotFound<ProblemDetails>: only the former is sent as application/problem+json.
    public static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Hittades inte",
        detail: "Posten finns inte eller så har du inte behörighet till den.");

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte giltiga", detail: "Rätta de markerade fälten och försök igen.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Konflikt", detail: detail);

    public static ProblemHttpResult Duplicate(Guid existingId) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Deltagaren finns redan",
        detail: "Personen är redan registrerad i din organisation.",
        extensions: new Dictionary<string, object?>
        {
            ["existingParticipantId"] = existingId,
            ["existing"] = $"/api/v1/participants/{existingId}",
        });
}
