using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Arbetsvagen.Infrastructure;

/// <summary>How a page shows a failed <see cref="Outcome{T}"/>: each message at its field, a refusal above the form.</summary>
public static class OutcomePage
{
    /// <summary>ViewData key of the messages in the order the use case gave them (the form's), for the error summary.</summary>
    public const string ErrorOrderKey = "ErrorOrder";

    /// <summary>
    /// Keeps the order of the failure's messages for the error summary (_FormErrors): ModelState lists its keys in an
    /// order of its own, while the use case gives them in the order of the form.
    /// </summary>
    public static void KeepErrorOrder(this ViewDataDictionary viewData, Failure failure) =>
        viewData[ErrorOrderKey] = failure.Errors?.Values.SelectMany(m => m).ToList();

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
