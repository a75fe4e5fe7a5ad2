using System.Globalization;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.ActionPlans;

public sealed record PlanCopyActivity(string What, string Description, string Where, string When, string Hours, string Status);

/// <summary>
/// The participant's own copy of the plan ("Din plan"), in plain words: no codes, no internal terms. The same
/// content is shown as a printable page and rendered as PDF.
/// </summary>
public sealed record PlanCopy(string Name, string Goal, string? Direction, string Period, string FollowUp, List<PlanCopyActivity> Activities,
    string Contact, string ContactUnit, int Version)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The copy of <paramref name="plan"/>, with the user who hands it over as contact.</summary>
    public static PlanCopy Of(Participant participant, ActionPlan plan, string contact, string contactUnit) => new(
        $"{participant.FirstName} {participant.LastName}", plan.Goal, DirectionText(plan.Direction),
        $"{Day(plan.StartsOn)} till {Day(plan.EndsOn)}", Day(plan.ReviewOn),
        plan.Activities.Where(a => a.Status != PlanActivityStatus.Cancelled).OrderBy(a => a.StartsOn).ThenBy(a => a.Description)
            .Select(a => new PlanCopyActivity(EnumText.Label(a.Kind), a.Description, a.Provider, $"{Day(a.StartsOn)} till {Day(a.EndsOn)}",
                a.HoursPerWeek == 0 ? "Inga fasta tider" : $"{a.HoursPerWeek.ToString("0.#", Swedish)} timmar i veckan", Status(a.Status)))
            .ToList(),
        contact, contactUnit, plan.Version);

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", Swedish);

    private static string? DirectionText(Direction direction) => direction switch
    {
        Mappings.Direction.JobTrack => "Du går en utbildning som leder till ett jobb hos en arbetsgivare (jobbspår).",
        Mappings.Direction.Employment => "Du ska få ett arbete.",
        Mappings.Direction.Studies => "Du ska börja studera.",
        Mappings.Direction.Preparatory => "Du förbereder dig först för arbete eller studier.",
        _ => null,
    };

    private static string Status(PlanActivityStatus status) => status switch
    {
        PlanActivityStatus.Planned => "Ska börja",
        PlanActivityStatus.Ongoing => "Pågår nu",
        PlanActivityStatus.Completed => "Klart",
        PlanActivityStatus.Interrupted => "Avbrutet",
        _ => EnumText.Label(status),
    };

    /// <summary>The same content as an A4 PDF (standard fonts, nothing embedded; ADR 0008).</summary>
    public byte[] ToPdf()
    {
        var pdf = new TextPdf { Title = "Din plan" }
            .Text("Din plan", 24, bold: true)
            .Text(Name, 14).Space(10)
            .Text("Ditt mål", 17, bold: true)
            .Text(Goal, 13);
        if (Direction is not null)
        {
            pdf.Text(Direction, 13);
        }

        pdf.Text($"Planen gäller {Period}.", 13).Space(10)
            .Text("Det här ska du göra", 17, bold: true);
        foreach (var a in Activities)
        {
            pdf.Space(4).Text($"{a.What}: {a.Description}", 13, bold: true);
            if (!string.IsNullOrWhiteSpace(a.Where))
            {
                pdf.Text($"Var: {a.Where}", 13);
            }

            pdf.Text($"När: {a.When}", 13).Text($"Hur mycket: {a.Hours}", 13).Text($"Läge: {a.Status}", 13);
        }

        if (Activities.Count == 0)
        {
            pdf.Text("Inga aktiviteter är inlagda ännu.", 13);
        }

        return pdf.Space(10)
            .Text("Så följer vi upp", 17, bold: true)
            .Text($"Vi ses och går igenom planen tillsammans senast {FollowUp}.", 13).Space(10)
            .Text("Kontakt", 17, bold: true)
            .Text($"{Contact}, {ContactUnit}", 13)
            .Text("Hör av dig om något i planen inte stämmer eller om du inte kan komma.", 13).Space(10)
            .Text($"Version {Version}", 10)
            .ToBytes();
    }
}
