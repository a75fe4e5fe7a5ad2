using System.Globalization;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Attendance;

/// <summary>A participant's attendance for a period: the plain-text summary (as in a return report), the figures, and every day.</summary>
public class ParticipantAttendanceModel(AttendanceWork work, ParticipantAccess access, TimeProvider clock) : PageModel
{
    public Guid ParticipantId { get; private set; }
    public string ParticipantName { get; private set; } = "";
    public string? From { get; private set; }
    public string? To { get; private set; }
    public AttendanceSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, CancellationToken ct)
    {
        var today = SwedishTime.Today(clock);
        ParticipantId = id;
        From = from ?? today.AddDays(-27).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = to ?? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcome = await work.SummaryAsync(id, From, To, ct);
        Summary = outcome.Value;
        if (outcome.Failure is { } failure)
        {
            // The query's own binding entries ("to") would otherwise keep their spelling; the fields are "From" and "To".
            ModelState.Clear();
            if (ModelState.Show(failure) is { } status)
            {
                return status;
            }
        }

        // Decided (and logged) once per request by SummaryAsync; this only gives the name for the heading of a summary read.
        if (Summary is not null && await access.FindAsync(id, ct) is { } grant)
        {
            ParticipantName = $"{grant.Participant.FirstName} {grant.Participant.LastName}";
        }
        return Page();
    }

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.GetCultureInfo("sv-SE")) + " %" : "–";

    public static string Status(AttendanceDay day) => day.Status switch
    {
        AttendanceStatus.Present => "Närvarande",
        AttendanceStatus.Absent => $"Frånvarande, {EnumText.Label(day.Reason ?? AbsenceReason.Unknown).ToLowerInvariant()}",
        _ => "Ej registrerad",
    };
}
