using System.Globalization;
using System.Text.RegularExpressions;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Attendance;

/// <summary>One row of the register form: who, and the choice made (present, or absent with one of the reasons).</summary>
public sealed class RegisterRowForm
{
    public Guid ParticipantId { get; set; }
    public string? Choice { get; set; }
    public string? Hours { get; set; }
}

/// <summary>
/// The day's register for a coach: one row per participant, one choice per row, one "Spara närvaro". Works as a
/// plain form; attendance-register.js adds one-key choices (N, S, G, O, K) that move on to the next row.
/// </summary>
public partial class RegisterModel(AttendanceWork work, TimeProvider clock) : PageModel
{
    public static readonly (string Value, string Label, string Key)[] Choices =
    [
        ("present", "Närvarande", "N"), ("sick", "Sjuk", "S"), ("valid", "Giltig", "G"), ("invalid", "Ogiltig", "O"), ("unknown", "Okänd", "K"),
    ];

    [BindProperty] public List<RegisterRowForm> Rows { get; set; } = [];
    public DayRegister? Register { get; private set; }
    public DateOnly Today => SwedishTime.Today(clock);
    public string? DateText { get; private set; }
    public DateOnly? PreviousDay { get; private set; }
    public DateOnly? NextDay { get; private set; }

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The choice a row shows: what was just posted, else the saved registration.</summary>
    public string? ChoiceFor(RegisterRow row) => Rows.FirstOrDefault(r => r.ParticipantId == row.ParticipantId) is { } posted ? posted.Choice
        : row.Record is not { } record ? null
        : record.Status == AttendanceStatus.Present ? "present"
        : EnumText.ApiName(record.AbsenceReason ?? AbsenceReason.Unknown);

    public string? HoursFor(RegisterRow row) => Rows.FirstOrDefault(r => r.ParticipantId == row.ParticipantId) is { } posted ? posted.Hours
        : row.Record is { Status: AttendanceStatus.Present } record && record.Hours != Register!.Activity.HoursPerDay ? Hours.Format(record.Hours)
        : null;

    public async Task<IActionResult> OnGetAsync(Guid id, string? date, CancellationToken ct) =>
        await LoadAsync(id, date ?? Text(Today), ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? date, CancellationToken ct)
    {
        ModelState.Clear();
        var chosen = Rows.Where(r => !string.IsNullOrEmpty(r.Choice)).ToList();
        var input = new RegistrationInput
        {
            Date = date,
            Registrations = chosen.Select(r => new RegistrationRowInput
            {
                ParticipantId = r.ParticipantId,
                Status = r.Choice == "present" ? "present" : "absent",
                AbsenceReason = r.Choice == "present" ? null : r.Choice,
                Hours = r.Choice == "present" ? Attendance.Hours.Parse(r.Hours) : null,
            }).ToList(),
        };
        // Hours the form could not read as a number are refused here, before the use case would count them as the full day.
        var unreadableHours = chosen.Where(r => r.Choice == "present" && !string.IsNullOrWhiteSpace(r.Hours) && Attendance.Hours.Parse(r.Hours) is null).ToList();
        var outcome = unreadableHours.Count > 0
            ? Outcome.Invalid(unreadableHours.ToDictionary(r => $"registrations[{chosen.IndexOf(r)}].hours",
                _ => new[] { "Skriv timmar som ett tal, till exempel 1 eller 0,5." }))
            : await work.RegisterAsync(id, input, ct);
        if (outcome is { Failure: null, Value: { } saved })
        {
            TempData["Message"] = $"Närvaron är sparad för {saved.Count} deltagare.";
            return Redirect($"/Activities/{id}/Register?date={Uri.EscapeDataString(date ?? "")}");
        }

        if (outcome.Failure is not { Kind: OutcomeKind.Invalid, Errors: { } errors })
        {
            return ModelState.Show(outcome.Failure!)!;
        }

        if (!await LoadAsync(id, date, ct))
        {
            return NotFound();
        }

        var names = Register?.Rows.ToDictionary(r => r.ParticipantId, r => r.Name) ?? [];
        foreach (var (field, messages) in errors)
        {
            if (field == "date" && ModelState.ContainsKey("Date"))
            {
                continue; // already shown by LoadAsync, which read the same date
            }

            // "registrations[3].absenceReason" belongs to the fourth chosen row: show it on that participant's row.
            var row = RowField().Match(field);
            Guid? participant = row.Success ? chosen[int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture)].ParticipantId : null;
            foreach (var message in messages)
            {
                ModelState.AddModelError(participant is { } p ? $"row-{p}" : field == "date" ? "Date" : "",
                    participant is { } q ? $"{names.GetValueOrDefault(q, "Deltagaren")}: {message}" : message);
            }
        }

        return Page();
    }

    public string? RowError(Guid participantId) =>
        ModelState.TryGetValue($"row-{participantId}", out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private async Task<bool> LoadAsync(Guid id, string? date, CancellationToken ct)
    {
        DateText = date;
        var outcome = await work.RegisterForDayAsync(id, date, ct);
        if (outcome.Failure is { Kind: OutcomeKind.Invalid } invalid)
        {
            ModelState.Clear(); // the query's binding entry ("date") would keep its spelling; the field is "Date"
            ModelState.Show(invalid);
            return true;
        }

        if (outcome.Value is null)
        {
            return false;
        }

        Register = outcome.Value;
        var activity = Register.Activity;
        var day = Register.Date;
        PreviousDay = activity.ScheduledDays(day.AddDays(-31), day.AddDays(-1)).LastOrDefault() is { } previous && previous != default ? previous : null;
        NextDay = activity.ScheduledDays(day.AddDays(1), Today).FirstOrDefault() is { } next && next != default ? next : null;
        return true;
    }

    [GeneratedRegex(@"^registrations\[(\d+)\]")]
    private static partial Regex RowField();
}
