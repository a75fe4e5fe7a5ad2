using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using System.Reflection;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// A ProblemDetails answer with its status in the endpoint's metadata, so the OpenAPI document lists it with its
/// body schema. Written as application/problem+json.
/// </summary>
public abstract class ProblemAnswer(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public ProblemDetails Value { get; } = problem;
    object? IValueHttpResult.Value => Value;
    public int? StatusCode => Value.Status;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    protected static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>404: the record does not exist or lies behind a boundary the caller may not cross (the same answer).</summary>
public sealed class NotFoundProblem() : ProblemAnswer(new ProblemDetails
{
    Status = StatusCodes.Status404NotFound,
    Title = "Hittades inte",
    Detail = "Posten finns inte eller så har du inte behörighet till den.",
}), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: a rule refuses the change as things stand (a stale version, a closed case, a duplicate).</summary>
public sealed class ConflictProblem(ProblemDetails problem) : ProblemAnswer(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}

/// <summary>403: signed in, but the role or the relation to the record does not allow this.</summary>
public sealed class ForbiddenProblem(string? detail) : ProblemAnswer(new ProblemDetails
{
    Status = StatusCodes.Status403Forbidden,
    Title = "Behörighet saknas",
    Detail = detail ?? "Din roll eller organisation får inte göra detta.",
}), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status403Forbidden);
}

/// <summary>How the API answers an <see cref="Outcome{T}"/>: the same mapping for every endpoint.</summary>
public static class OutcomeResults
{
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte giltiga", detail: "Rätta de markerade fälten och försök igen.");

    public static ConflictProblem Conflict(Failure failure) => new(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = failure.Title ?? "Konflikt",
        Detail = failure.Detail,
        Extensions = failure.Extensions?.ToDictionary() ?? [],
    });

    /// <summary>A read: the value, or 404.</summary>
    public static Results<Ok<TDto>, NotFoundProblem> ToOk<T, TDto>(this Outcome<T> outcome, Func<T, TDto> map) =>
        outcome.Failure is null ? TypedResults.Ok(map(outcome.Value!)) : new NotFoundProblem();

    /// <summary>A change that answers with the changed record.</summary>
    public static Results<Ok<TDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem> ToChanged<T, TDto>(
        this Outcome<T> outcome, Func<T, TDto> map) => outcome.Failure switch
        {
            null => TypedResults.Ok(map(outcome.Value!)),
            { Kind: OutcomeKind.Invalid } f => Invalid(f.Errors!),
            { Kind: OutcomeKind.Conflict } f => Conflict(f),
            { Kind: OutcomeKind.Forbidden } f => new ForbiddenProblem(f.Detail),
            _ => new NotFoundProblem(),
        };

    /// <summary>A removal: 204, or why not.</summary>
    public static Results<NoContent, NotFoundProblem, ConflictProblem, ForbiddenProblem> ToRemoved<T>(this Outcome<T> outcome) => outcome.Failure switch
    {
        null => TypedResults.NoContent(),
        { Kind: OutcomeKind.Conflict } f => Conflict(f),
        { Kind: OutcomeKind.Forbidden } f => new ForbiddenProblem(f.Detail),
        _ => new NotFoundProblem(),
    };

    /// <summary>A change that creates a record, answered 201 with its address.</summary>
    public static Results<Created<TDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem> ToCreated<T, TDto>(
        this Outcome<T> outcome, Func<T, string> location, Func<T, TDto> map) => outcome.Failure switch
        {
            null => TypedResults.Created(location(outcome.Value!), map(outcome.Value!)),
            { Kind: OutcomeKind.Invalid } f => Invalid(f.Errors!),
            { Kind: OutcomeKind.Conflict } f => Conflict(f),
            { Kind: OutcomeKind.Forbidden } f => new ForbiddenProblem(f.Detail),
            _ => new NotFoundProblem(),
        };
}
