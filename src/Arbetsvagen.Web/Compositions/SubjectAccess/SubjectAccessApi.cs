using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Compositions.SubjectAccess;

public static class SubjectAccessApi
{
    public static void MapSubjectAccessApi(this RouteGroupBuilder api) =>
        api.MapGet("/participants/{id:guid}/extract", Extract)
            .WithTags("Deltagare")
            .WithSummary("Registerutdrag: allt organisationen har om deltagaren och vilka andra organisationer som läst det")
            .WithDescription("format=json (standard) ger dokumentet nedan; format=pdf ger samma utdrag som application/pdf för utskrift.");

    private static async Task<Results<Ok<ExtractDto>, FileContentHttpResult, ValidationProblem, NotFoundProblem>> Extract(Guid id, string? format,
        SubjectAccessExport export, CancellationToken ct)
    {
        var chosen = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (!SubjectAccessExport.Formats.Contains(chosen))
        {
            return OutcomeResults.Invalid(new Dictionary<string, string[]> { ["format"] = ["Formatet ska vara json eller pdf."] });
        }

        var made = await export.MakeAsync(id, chosen, ct);
        if (made.Value is not { } extract)
        {
            return new NotFoundProblem();
        }

        return chosen == "pdf"
            ? TypedResults.File(SubjectAccessExport.Pdf(extract), "application/pdf", extract.FileStem + ".pdf")
            : TypedResults.Ok(extract.Data);
    }
}
