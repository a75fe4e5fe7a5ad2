using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Arbetsvagen.Infrastructure;

/// <summary>How a page shows a failed <see cref="Outcome{T}"/>: each message at its field, a refusal above the form.</summary>
public static class OutcomePage
{
    /// <summary>
    /// ViewData key of the form's field keys (model-state keys) in form order, for the error summary. A page may set it
    /// itself in its view; otherwise <see cref="KeepErrorOrder"/> takes the order in which the use case named its fields.
    /// </summary>
    public const string FormOrderKey = "FormOrder";

    /// <summary>
    /// Keeps the order of the failure's messages for the error summary (_FormErrors): ModelState lists its keys in an
    /// order of its own, while the use case gives them in the order of the form.
    /// </summary>
    public static void KeepErrorOrder(this ViewDataDictionary viewData, Failure failure, string prefix = "") =>
        viewData[FormOrderKey] = failure.Errors?.Keys.Select(field => Ui.FieldKey(field, prefix)).ToList();

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
