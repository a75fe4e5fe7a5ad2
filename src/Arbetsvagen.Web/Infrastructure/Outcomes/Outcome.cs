namespace Arbetsvagen.Infrastructure;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>
/// A use case that did not succeed: not found (or behind a boundary, which looks the same), invalid input with a
/// Swedish message per field, a rule that refuses the change, or a role that may not do it.
/// </summary>
public sealed record Failure(OutcomeKind Kind, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Title = null, IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>
/// What one use case answers, whoever called it. The page and the API endpoint of the same use case call the same
/// method and map its outcome the same way (<see cref="OutcomeResults"/>, <see cref="OutcomePage"/>).
/// A use case returns its value (<c>return plan;</c>) or a failure (<c>return Outcome.NotFound();</c>).
/// </summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public Failure? Failure { get; }
    public OutcomeKind Kind => Failure?.Kind ?? OutcomeKind.Ok;
    public bool IsOk => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);

    /// <summary>The same failure as another type's outcome, e.g. a participant not found while opening a case.</summary>
    public Outcome<TOther> As<TOther>(Func<T, TOther> map) => Failure is { } failure ? failure : map(Value!);
}

public static class Outcome
{
    public static Failure NotFound() => new(OutcomeKind.NotFound);

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, Errors: errors);

    public static Failure Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Conflict(string detail, string? title = null, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(OutcomeKind.Conflict, detail, Title: title, Extensions: extensions);

    public static Failure Forbidden(string? detail = null) => new(OutcomeKind.Forbidden, detail);

    /// <summary>
    /// Runs a change whose entity methods guard their rules by throwing (<see cref="ConflictException"/>,
    /// <see cref="ValidationException"/>), and answers their refusal as an outcome instead.
    /// </summary>
    public static async Task<Outcome<T>> Guard<T>(Func<Task<Outcome<T>>> change)
    {
        try
        {
            return await change();
        }
        catch (ConflictException e)
        {
            return Conflict(e.Message);
        }
        catch (ValidationException e)
        {
            return Invalid(e.Errors.AsReadOnly());
        }
        catch (ForbiddenException)
        {
            return Forbidden();
        }
    }
}
