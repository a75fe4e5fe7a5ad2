using System.Globalization;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>
/// A candidate starts the training: the stage move, the training as a new activity in the person's action plan — through
/// the plan's own revision (<see cref="ActionPlanWork.ReviseAsync"/>), so the plan's history shows it — and the
/// interkommunal ersättning when the person lives in another municipality than the provider. One save for all of it.
/// </summary>
public sealed class JobTrackJoining(AppDbContext db, CurrentUser user, ActionPlanWork plans, TimeProvider clock)
{
    private const string Day = "yyyy-MM-dd";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<JobTrackCandidate>> StartAsync(JobTrack track, JobTrackCandidate candidate, Participant participant, string? dateText,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var startsOn = string.IsNullOrWhiteSpace(dateText) ? track.TrainingStartsOn : Input.Date(errors, "date", dateText, "startdatum i utbildningen");
        Rules.ThrowIfAny(errors);
        var on = startsOn!.Value;
        var endsOn = track.TrainingEndsOn < on ? on : track.TrainingEndsOn;
        db.Add(candidate.Start(track, on, user.Id, Now));

        var provider = await db.Organisations.AsNoTracking().Where(o => o.Id == track.ProviderOrganisationId)
            .Select(o => new { o.Name, o.MunicipalityCode }).FirstAsync(ct);
        if (provider.MunicipalityCode is { } receiver && receiver != participant.HomeMunicipalityCode)
        {
            db.Add(new InterMunicipalCompensation(track, candidate.Id, participant.HomeMunicipalityCode, receiver, on, Now));
        }

        // The plan's revision saves the whole unit of work, so the candidate's start and the plan change stand or fall together.
        var read = await plans.ReadAsync(participant.Id, ct);
        if (read.Value is not { } record)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict("Utbildningen läggs in i deltagarens handlingsplan, och du har inte tillgång till planen. "
                + "Det gör deltagarens egen handläggare, eller den som har ett samtycke som omfattar ärende, planering och insatser.");
        }

        var revised = await plans.ReviseAsync(participant.Id, Revision(record.Plan, track, provider.Name, on, endsOn), ct);
        if (revised.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return failure.Kind == OutcomeKind.Invalid
                ? Outcome.Conflict("Utbildningen kunde inte läggas in i handlingsplanen: "
                    + string.Join(" ", failure.Errors!.Values.SelectMany(m => m)))
                : failure;
        }

        return candidate;
    }

    /// <summary>The plan as it is, widened to cover the training if needed, with the training added as an ongoing activity.</summary>
    private static RevisionInput Revision(ActionPlan? plan, JobTrack track, string provider, DateOnly startsOn, DateOnly endsOn)
    {
        var activities = (plan?.Activities ?? []).Select(a => new PlanActivityInput
        {
            Id = a.Id, Kind = EnumText.ApiName(a.Kind), Description = a.Description, ActivityId = a.ActivityId, Provider = a.Provider,
            StartsOn = a.StartsOn.ToString(Day, CultureInfo.InvariantCulture), EndsOn = a.EndsOn.ToString(Day, CultureInfo.InvariantCulture),
            HoursPerWeek = a.HoursPerWeek.ToString("0.##", CultureInfo.InvariantCulture), Status = EnumText.ApiName(a.Status), Result = a.Result,
        }).ToList();
        var description = $"Jobbspår {track.Title}: {track.TrainingComponents}";
        activities.Add(new PlanActivityInput
        {
            Kind = EnumText.ApiName(track.Regi == TrainingRegi.EmploymentService ? ActivityKind.Aub : ActivityKind.VocationalTraining),
            Description = description.Length > 500 ? description[..500] : description,
            Provider = provider,
            StartsOn = startsOn.ToString(Day, CultureInfo.InvariantCulture),
            EndsOn = endsOn.ToString(Day, CultureInfo.InvariantCulture),
            HoursPerWeek = "40",
            Status = EnumText.ApiName(PlanActivityStatus.Ongoing),
        });
        var planStarts = plan is null || startsOn < plan.StartsOn ? startsOn : plan.StartsOn;
        var planEnds = plan is null || endsOn > plan.EndsOn ? endsOn : plan.EndsOn;
        var reviewOn = plan?.ReviewOn ?? (startsOn.AddDays(28) < endsOn ? startsOn.AddDays(28) : endsOn);
        return new RevisionInput
        {
            BasedOnVersion = plan?.Version ?? 0,
            Goal = plan?.Goal ?? $"Anställning som {ReferenceData.Instance.Occupations.GetValueOrDefault(track.OccupationConceptId)?.Name ?? track.Title} via jobbspår.",
            Direction = EnumText.ApiName(plan?.Direction ?? Direction.JobTrack),
            StartsOn = planStarts.ToString(Day, CultureInfo.InvariantCulture),
            EndsOn = planEnds.ToString(Day, CultureInfo.InvariantCulture),
            ReviewOn = reviewOn.ToString(Day, CultureInfo.InvariantCulture),
            Comment = $"Påbörjade jobbspåret {track.Title}.",
            Activities = activities,
        };
    }
}
