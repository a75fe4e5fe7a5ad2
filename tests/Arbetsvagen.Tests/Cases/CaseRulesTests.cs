using Arbetsvagen.Features.Cases;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Cases;

public class CaseRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Worker = Guid.NewGuid();

    private static Case NewCase() => Case.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), IntakeSource.SocialServices,
        new DateOnly(2026, 11, 1), "Ansökan om försörjningsstöd", IncomeSource.SocialAssistance, Worker, Now);

    [Fact]
    public void A_case_moves_forward_through_its_states_with_one_history_row_per_step()
    {
        var c = NewCase();
        c.Enrol(new DateOnly(2026, 11, 5), "Tisdagar 10.00", Guid.NewGuid(), Worker, Now);
        c.Start(Worker, Now);
        c.Close(new DateOnly(2027, 2, 1), CaseOutcome.SubsidisedWork, EmploymentForm.NewStartJob, StudyForm.Komvux, IncomeSource.Salary, Worker, Now);

        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal([null, CaseState.Actualised, CaseState.Enrolled, CaseState.Ongoing], c.History.Select(h => h.From));
        Assert.Equal([CaseState.Actualised, CaseState.Enrolled, CaseState.Ongoing, CaseState.Closed], c.History.Select(h => h.To));
        Assert.Equal(EmploymentForm.NewStartJob, c.EmploymentForm);
        Assert.Null(c.StudyForm); // only kept for the outcome "studies"
        Assert.Equal([new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1), new DateOnly(2028, 2, 1)], c.FollowUpDates());
    }

    [Fact]
    public void Illegal_transitions_are_conflicts_and_change_nothing()
    {
        var c = NewCase();
        Assert.Throws<ConflictException>(() => c.Start(Worker, Now));
        c.Close(new DateOnly(2026, 11, 20), CaseOutcome.Moved, null, null, null, Worker, Now);
        Assert.Throws<ConflictException>(() => c.Enrol(new DateOnly(2026, 11, 21), "x", Guid.NewGuid(), Worker, Now));
        Assert.Throws<ConflictException>(() => c.Close(new DateOnly(2026, 11, 21), CaseOutcome.Unknown, null, null, null, Worker, Now));
        Assert.Equal(2, c.History.Count);
        Assert.Equal(CaseOutcome.Moved, c.Outcome);
    }

    [Fact]
    public void Dates_before_the_intake_are_refused_with_the_field_named()
    {
        var c = NewCase();
        var error = Assert.Throws<ValidationException>(() => c.Enrol(new DateOnly(2026, 10, 31), "x", Guid.NewGuid(), Worker, Now));
        Assert.True(error.Errors.ContainsKey("enrolledOn"));
        Assert.Equal(CaseState.Actualised, c.State);
    }

    [Fact]
    public void An_enrolment_in_the_future_is_refused_at_its_date_and_a_refused_move_says_the_state_in_neuter()
    {
        var c = NewCase();
        var future = Assert.Throws<ValidationException>(() => c.Enrol(new DateOnly(2026, 11, 23), "x", Guid.NewGuid(), Worker, Now));
        Assert.Equal(["Inskrivningsdatum kan inte ligga i framtiden."], future.Errors["enrolledOn"]);
        Assert.Equal(CaseState.Actualised, c.State);

        c.Enrol(new DateOnly(2026, 11, 22), "x", Guid.NewGuid(), Worker, Now);
        var again = Assert.Throws<ConflictException>(() => c.Enrol(new DateOnly(2026, 11, 22), "x", Guid.NewGuid(), Worker, Now));
        Assert.Equal("Bara ett aktualiserat ärende kan skrivas in. Ärendet är inskrivet.", again.Message);
    }

    [Theory]
    [InlineData(3, "2026-11-22", false, "Uppföljningen efter 3 månader ska göras tidigast 2027-02-10.")]
    [InlineData(3, "2026-11-09", true, "Uppföljningsdatum kan inte ligga före avslutet (2026-11-10).")]
    [InlineData(3, "2026-11-23", true, "Uppföljningsdatum kan inte ligga i framtiden.")]
    public void A_follow_up_lies_between_its_due_date_and_today_unless_confirmed_early(int months, string on, bool confirmEarly, string message)
    {
        var c = NewCase();
        c.Close(new DateOnly(2026, 11, 10), CaseOutcome.Moved, null, null, null, Worker, Now);

        var refused = Assert.Throws<ValidationException>(() =>
            c.RecordFollowUp(months, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), FollowUpStatus.JobSeeking, null, null,
                confirmEarly, Worker, Now));

        Assert.StartsWith(message, refused.Errors["followedUpOn"].Single(), StringComparison.Ordinal);
        Assert.Empty(c.FollowUps);
        var early = c.RecordFollowUp(months, new DateOnly(2026, 11, 22), FollowUpStatus.JobSeeking, null, null, confirmEarly: true, Worker, Now);
        Assert.Equal(new DateOnly(2027, 2, 10), early.DueOn);
    }

    [Fact]
    public void A_signed_journal_entry_never_changes_and_is_corrected_by_a_linked_new_entry()
    {
        var entry = JournalEntry.Write(Guid.NewGuid(), JournalEntryType.Conversation, "Första samtalet.", Worker, Now);
        entry.Edit("Första samtalet, med tolk.", Worker, Now);
        Assert.Throws<ConflictException>(() => entry.Sign(Guid.NewGuid(), Now)); // only the author signs
        entry.Sign(Worker, Now);

        Assert.Throws<ConflictException>(() => entry.Edit("Ändrad i efterhand", Worker, Now));
        Assert.Throws<ConflictException>(() => entry.Sign(Worker, Now));
        var correction = entry.Correct("Rättelse: samtalet hölls utan tolk.", Worker, Now.AddHours(1));

        Assert.Equal("Första samtalet, med tolk.", entry.Text);
        Assert.Equal(entry.Id, correction.CorrectsEntryId);
        Assert.True(correction.IsSigned);
    }

    [Fact]
    public void Only_the_system_writes_automatic_entries_and_text_is_required()
    {
        Assert.Throws<ValidationException>(() => JournalEntry.Write(Guid.NewGuid(), JournalEntryType.Automatic, "x", Worker, Now));
        var empty = Assert.Throws<ValidationException>(() => JournalEntry.Write(Guid.NewGuid(), JournalEntryType.Contact, "  ", Worker, Now));
        Assert.Equal(["Ange anteckningens text."], empty.Errors["text"]);
        var tooLong = Assert.Throws<ValidationException>(() => JournalEntry.Write(Guid.NewGuid(), JournalEntryType.Contact, new string('x', 8001), Worker, Now));
        Assert.Equal(["Anteckningens text är för lång: högst 8000 tecken, nu 8001."], tooLong.Errors["text"]);
    }
}
