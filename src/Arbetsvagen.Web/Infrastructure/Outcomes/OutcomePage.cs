using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Arbetsvagen.Infrastructure;

/// <summary>How a page shows a failed <see cref="Outcome{T}"/>: each message at its field, a refusal above the form.</summary>
public static class OutcomePage
{
    /// <summary>
    /// Puts an invalid or conflicting outcome on the form (fields of <paramref name="prefix"/>, e.g. "NewCase");
    /// answers the not-found and forbidden ones, which show no form, as a status result instead (else null).
    /// </summary>
    public static IActionResult? Show(this ModelStateDictionary modelState, Failure failure, string prefix = "")
    {
        switch (failure.Kind)
        {
            case OutcomeKind.Invalid:
                modelState.AddErrors(failure.Errors!.ToDictionary(), prefix);
                return null;
            case OutcomeKind.Conflict:
                modelState.AddModelError(string.Empty, failure.Detail ?? "Ändringen kunde inte göras.");
                return null;
            case OutcomeKind.Forbidden:
                return new ForbidResult();
            default:
                return new NotFoundResult();
        }
    }
}
