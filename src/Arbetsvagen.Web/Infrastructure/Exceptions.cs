namespace Arbetsvagen.Infrastructure;

/// <summary>A rule of the domain refused the change (maps to 409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>Input failed server-side validation (maps to 400 with field errors).</summary>
public sealed class ValidationException(IDictionary<string, string[]> errors) : Exception("Valideringsfel")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public ValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

/// <summary>The user is signed in but their role does not allow this (maps to 403).</summary>
public sealed class ForbiddenException() : Exception("Behörighet saknas.");
