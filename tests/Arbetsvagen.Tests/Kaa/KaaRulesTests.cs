using System.Text;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Kaa;
using Xunit;

namespace Arbetsvagen.Tests.Kaa;

/// <summary>
/// The KAA rules without a database (issue 13): who is in KAA and until when (the age-20 rule, re-entry after a new
/// dropout), how the work list picks the next try, the statistics arithmetic by gender with small counts, the SCB
/// file's content and checks, and the school file's bad lines and mixed encodings.
/// </summary>
public sealed class KaaRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private static readonly List<PersonalIdentityNumber> Numbers = KaaDemo.Numbers(Today);

    /// <summary>A test personnummer of someone born in <paramref name="year"/> and the given half of it.</summary>
    private static PersonalIdentityNumber Born(int year, bool firstHalf) =>
        Numbers.First(n => n.DateOfBirth.Year == year && n.DateOfBirth.Month <= 6 == firstHalf);

    private static KaaYouth Youth(PersonalIdentityNumber n) =>
        KaaYouth.Create(Guid.NewGuid(), Guid.NewGuid(), "0188", n.Value, n.DateOfBirth, n.IsMale ? Gender.Man : Gender.Woman, "Test", "Testsson", Now);

    private static SchoolRow Row(KaaYouth y, SchoolStatus status, DateOnly on) =>
        new(2, y.IdentityNumber, y.DateOfBirth, y.Gender, y.FirstName, y.LastName, "Roslagsgymnasiet", "Introduktionsprogram", status, on, null, null, null, null, null);

    [Fact]
    public void The_age_limit_is_the_end_of_the_half_year_the_person_turns_20()
    {
        Assert.Equal(new DateOnly(2027, 6, 30), KaaRules.AgeOutOn(new DateOnly(2007, 3, 10)));
        Assert.Equal(new DateOnly(2027, 12, 31), KaaRules.AgeOutOn(new DateOnly(2007, 9, 1)));
        Assert.Equal(new DateOnly(2027, 6, 30), KaaRules.AgeOutOn(new DateOnly(2007, 6, 30)));
        Assert.False(KaaRules.InAgeWindow(new DateOnly(2010, 12, 8), Today)); // 15 until tomorrow
        Assert.True(KaaRules.InAgeWindow(new DateOnly(2010, 12, 7), Today)); // 16 today
        Assert.True(KaaRules.InAgeWindow(new DateOnly(2006, 8, 1), Today)); // turned 20 in August: in until 31 December
        Assert.False(KaaRules.InAgeWindow(new DateOnly(2006, 3, 1), Today)); // turned 20 in March: out since 30 June
    }

    [Fact]
    public void Imports_derive_entry_exit_and_re_entry_and_the_age_limit_closes_the_period()
    {
        var y = Youth(Born(2007, firstHalf: true));
        var dropout = new DateOnly(2026, 2, 1);

        Assert.Equal(KaaChange.Entered, y.ApplySchoolSituation(Row(y, SchoolStatus.Dropout, dropout), new DateOnly(2026, 3, 1), Now));
        Assert.True(y.InKaa);
        Assert.Equal((dropout, KaaEntryReason.Dropout), (y.OpenPeriod!.EnteredOn, y.OpenPeriod.EntryReason));

        // The same situation again changes nothing (the import's idempotence rests on this).
        Assert.False(y.DiffersFrom(Row(y, SchoolStatus.Dropout, dropout)));
        Assert.Equal(KaaChange.None, y.Derive(new DateOnly(2026, 3, 2)));

        Assert.Equal(KaaChange.Exited, y.ApplySchoolSituation(Row(y, SchoolStatus.Studying, new DateOnly(2026, 5, 1)), new DateOnly(2026, 5, 2), Now));
        Assert.False(y.InKaa);
        Assert.Equal((new DateOnly(2026, 5, 1), KaaExitReason.StartedStudies), (y.Periods[0].ExitedOn, y.Periods[0].ExitReason));
        Assert.Equal(KaaOccupation.Studies, y.Occupation);

        // A new dropout: a second period, not the first one reopened; outreach starts over.
        Assert.Equal(KaaChange.ReEntered, y.ApplySchoolSituation(Row(y, SchoolStatus.Dropout, new DateOnly(2026, 9, 1)), new DateOnly(2026, 9, 2), Now));
        Assert.Equal(2, y.Periods.Count);
        Assert.Equal(new DateOnly(2026, 9, 1), y.OpenPeriod!.EnteredOn);
        Assert.False(y.Reached);
        Assert.Equal(OutreachChannel.Phone, y.NextChannel);

        // Born in the first half of 2007: in KAA until 30 June 2027. Before an import closes it, readers see the exit anyway.
        var period = y.OpenPeriod!;
        Assert.Equal((new DateOnly(2027, 6, 30), KaaExitReason.TurnedTwenty), period.ExitAsOf(new DateOnly(2027, 7, 1), y.AgeOutOn));
        Assert.Equal(((DateOnly?)null, (KaaExitReason?)null), period.ExitAsOf(new DateOnly(2027, 6, 30), y.AgeOutOn));
        Assert.Equal(KaaChange.None, y.Derive(new DateOnly(2027, 6, 30)));
        Assert.Equal(KaaChange.Exited, y.Derive(new DateOnly(2027, 7, 1)));
        Assert.Equal((new DateOnly(2027, 6, 30), KaaExitReason.TurnedTwenty), (period.ExitedOn, period.ExitReason));
        // Past the age limit a new dropout does not re-enter.
        Assert.Equal(KaaChange.None, y.ApplySchoolSituation(Row(y, SchoolStatus.Dropout, new DateOnly(2027, 8, 1)), new DateOnly(2027, 8, 2), Now));
        Assert.Equal(2, y.Periods.Count);
    }

    [Fact]
    public void Studying_and_a_diploma_never_enter_and_a_person_under_16_enters_on_the_birthday()
    {
        var studying = Youth(Born(2008, firstHalf: false));
        Assert.Equal(KaaChange.None, studying.ApplySchoolSituation(Row(studying, SchoolStatus.Studying, Today), Today, Now));
        Assert.Equal(KaaChange.None, studying.ApplySchoolSituation(Row(studying, SchoolStatus.Graduated, Today), Today, Now));
        Assert.Empty(studying.Periods);

        var young = Youth(Born(2010, firstHalf: true));
        young.ApplySchoolSituation(Row(young, SchoolStatus.Unknown, KaaRules.AgeInOn(young.DateOfBirth).AddDays(-30)), Today, Now);
        Assert.Equal((KaaRules.AgeInOn(young.DateOfBirth), KaaEntryReason.NotEnrolled), (young.OpenPeriod!.EnteredOn, young.OpenPeriod.EntryReason));
    }

    [Fact]
    public void Outreach_moves_the_next_try_and_its_way_until_the_person_is_reached()
    {
        var y = Youth(Born(2008, firstHalf: true));
        y.ApplySchoolSituation(Row(y, SchoolStatus.Dropout, new DateOnly(2026, 11, 1)), Today, Now);
        Assert.Equal((new DateOnly(2026, 11, 1), OutreachChannel.Phone), (y.NextAttemptOn!.Value, y.NextChannel));

        y.RecordContact(OutreachChannel.Phone, OutreachResult.NotReached, Now, null, Guid.NewGuid(), Guid.NewGuid(), Today);
        Assert.Equal((1, Today.AddDays(3), OutreachChannel.Sms), (y.Attempts, y.NextAttemptOn!.Value, y.NextChannel));
        y.RecordContact(OutreachChannel.Sms, OutreachResult.NotReached, Now, null, Guid.NewGuid(), Guid.NewGuid(), Today);
        Assert.Equal((2, Today.AddDays(7), OutreachChannel.Letter), (y.Attempts, y.NextAttemptOn!.Value, y.NextChannel));
        y.RecordContact(OutreachChannel.Letter, OutreachResult.NotReached, Now, null, Guid.NewGuid(), Guid.NewGuid(), Today);
        Assert.Equal(OutreachChannel.HomeVisit, y.NextChannel);

        y.RecordContact(OutreachChannel.HomeVisit, OutreachResult.Reached, Now, null, Guid.NewGuid(), Guid.NewGuid(), Today);
        Assert.True(y.Reached);
        Assert.Null(y.NextAttemptOn);
    }

    [Fact]
    public void Statistics_count_by_gender_with_shares_and_hide_small_counts_outside_the_own_municipality()
    {
        KaaStatisticsRow R(string code, Gender g, int age, bool reached, bool measure, bool back = false) =>
            new(code, g, age, reached, measure, reached ? KaaOccupation.OtherMeasure : KaaOccupation.Unknown, back);
        var rows = new List<KaaStatisticsRow>
        {
            // Norrtälje: 4 women (3 reached, 1 with a measure), 3 men (1 reached, back to studies), 1 unknown gender.
            R("0188", Gender.Woman, 17, true, true), R("0188", Gender.Woman, 17, true, false), R("0188", Gender.Woman, 18, true, false),
            R("0188", Gender.Woman, 19, false, false), R("0188", Gender.Man, 16, true, false, back: true), R("0188", Gender.Man, 18, false, false),
            R("0188", Gender.Man, 18, false, false), R("0188", Gender.Unknown, 19, false, false),
            // Vaxholm: 2 women, 5 men, all reached.
            R("0187", Gender.Woman, 17, true, false), R("0187", Gender.Woman, 17, true, false),
            R("0187", Gender.Man, 18, true, true), R("0187", Gender.Man, 18, true, true), R("0187", Gender.Man, 18, true, false),
            R("0187", Gender.Man, 19, true, false), R("0187", Gender.Man, 19, true, false),
        };

        var s = KaaStatistics.Of("HT 2026", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), rows, ["0188", "0187"], exactFor: "0188", suppressBelow: 5);

        var norrtalje = s.Municipalities.Single(m => m.MunicipalityCode == "0188");
        Assert.True(norrtalje.Exact);
        Assert.Equal((8, 4, 50), (norrtalje.All.InKaa.Value, norrtalje.All.Reached.Value, norrtalje.All.ReachedPercent));
        Assert.Equal((4, 3, 75, 1, 25), (norrtalje.ByGender[Gender.Woman].InKaa.Value, norrtalje.ByGender[Gender.Woman].Reached.Value,
            norrtalje.ByGender[Gender.Woman].ReachedPercent, norrtalje.ByGender[Gender.Woman].WithMeasure.Value, norrtalje.ByGender[Gender.Woman].WithMeasurePercent));
        Assert.Equal((3, 1, 33), (norrtalje.ByGender[Gender.Man].InKaa.Value, norrtalje.ByGender[Gender.Man].Reached.Value, norrtalje.ByGender[Gender.Man].ReachedPercent));
        Assert.Equal(1, norrtalje.ByGender[Gender.Unknown].InKaa.Value);
        Assert.Equal(1, norrtalje.All.BackToStudies.Value);
        Assert.Equal(3, norrtalje.ByAge[18].InKaa.Value);
        Assert.Equal(4, norrtalje.All.Occupations[KaaOccupation.Unknown].Value);

        // Another municipality: 2 women are hidden, and with them every total they are part of (7 less the 5 men would give 2),
        // the collaboration's too; zero is not a small count.
        var vaxholm = s.Municipalities.Single(m => m.MunicipalityCode == "0187");
        Assert.False(vaxholm.Exact);
        Assert.True(vaxholm.ByGender[Gender.Woman].InKaa.Suppressed);
        Assert.Null(vaxholm.ByGender[Gender.Woman].ReachedPercent);
        Assert.Equal((5, 5, 100), (vaxholm.ByGender[Gender.Man].InKaa.Value, vaxholm.ByGender[Gender.Man].Reached.Value, vaxholm.ByGender[Gender.Man].ReachedPercent));
        Assert.True(vaxholm.All.InKaa.Suppressed);
        Assert.True(vaxholm.All.Reached.Suppressed);
        Assert.Null(vaxholm.All.ReachedPercent);
        Assert.True(vaxholm.All.WithMeasure.Suppressed);
        Assert.Equal(0, vaxholm.All.BackToStudies.Value);
        Assert.Equal("<5", vaxholm.ByGender[Gender.Woman].InKaa.Text(5));
        Assert.True(s.Collaboration.InKaa.Suppressed);
        Assert.True(s.CollaborationByGender[Gender.Woman].InKaa.Suppressed);
        Assert.Equal(8, s.CollaborationByGender[Gender.Man].InKaa.Value); // 3 + 5: no man is hidden anywhere

        // The same figures with Vaxholm as the reader's own: all exact, and the collaboration adds up.
        var asVaxholm = KaaStatistics.Of("HT 2026", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), rows, ["0188", "0187"], exactFor: "0187", suppressBelow: 5);
        var own = asVaxholm.Municipalities.Single(m => m.MunicipalityCode == "0187");
        Assert.Equal((7, 7, 100, 2, 29), (own.All.InKaa.Value, own.All.Reached.Value, own.All.ReachedPercent, own.All.WithMeasure.Value, own.All.WithMeasurePercent));
        Assert.Equal(2, own.ByGender[Gender.Woman].InKaa.Value);
        Assert.True(asVaxholm.Municipalities.Single(m => m.MunicipalityCode == "0188").All.InKaa.Suppressed); // Norrtälje's 1 of unknown gender
    }

    [Fact]
    public void The_scb_file_holds_the_population_of_the_half_year_with_its_codes_and_refuses_contradictions()
    {
        var officer = Guid.NewGuid();
        var reached = Youth(Born(2008, firstHalf: true));
        reached.ApplySchoolSituation(Row(reached, SchoolStatus.Dropout, new DateOnly(2026, 8, 10)), new DateOnly(2026, 8, 11), Now);
        reached.RecordContact(OutreachChannel.Phone, OutreachResult.Reached, new DateTime(2026, 8, 20, 9, 0, 0, DateTimeKind.Utc), null, officer, officer, new DateOnly(2026, 8, 20));
        reached.AddMeasure(KaaMeasureKind.FolkHighSchoolCourse, new DateOnly(2026, 9, 1), null, null, officer, Now);
        reached.AddMeasure(KaaMeasureKind.StudyVisit, new DateOnly(2026, 8, 25), new DateOnly(2026, 8, 25), null, officer, Now);
        reached.ApplySchoolSituation(Row(reached, SchoolStatus.Studying, new DateOnly(2026, 11, 2)), new DateOnly(2026, 11, 3), Now);

        var notReached = Youth(Born(2009, firstHalf: false));
        notReached.ApplySchoolSituation(Row(notReached, SchoolStatus.LeftWithoutDiploma, new DateOnly(2026, 10, 1)), new DateOnly(2026, 10, 2), Now);

        var gone = Youth(Born(2008, firstHalf: false)); // in KAA last spring only: not in the autumn's file
        gone.ApplySchoolSituation(Row(gone, SchoolStatus.Dropout, new DateOnly(2026, 2, 1)), new DateOnly(2026, 2, 2), Now);
        gone.ApplySchoolSituation(Row(gone, SchoolStatus.Studying, new DateOnly(2026, 6, 1)), new DateOnly(2026, 6, 2), Now);

        var export = ScbExport.Build("0188", Today, [reached, notReached, gone]);

        Assert.Empty(export.Failures);
        var lines = export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ScbExport.Header, lines[0]);
        Assert.Equal(2, export.Lines);
        Assert.Equal("kaa-scb-v1-0188-2026-12-07.csv", export.FileName);
        var r = lines.Single(l => l.Contains(reached.IdentityNumber, StringComparison.Ordinal)).Split(';');
        Assert.Equal(["1", "0188", "2026-12-07", reached.IdentityNumber, reached.Gender == Gender.Man ? "M" : "K", "2026-08-10", "AVBROTT", "J", "STUDIER",
            "FOLKHOGSKOLA|STUDIEBESOK", "2026-11-02", "STUDIER", "STUDERAR", "2026-11-02"], r);
        var n = lines.Single(l => l.Contains(notReached.IdentityNumber, StringComparison.Ordinal)).Split(';');
        Assert.Equal(["2026-10-01", "UTAN_EXAMEN", "N", "VET_EJ", "", "", "", "UTAN_EXAMEN"], n[5..13]);

        // A measure without an established contact is what SCB refuses: the check names the person and the file is not given.
        notReached.AddMeasure(KaaMeasureKind.Coaching, new DateOnly(2026, 10, 5), null, null, officer, Now);
        var refused = ScbExport.Build("0188", Today, [reached, notReached]);
        var failure = Assert.Single(refused.Failures);
        Assert.Equal(notReached.Id, failure.YouthId);
        Assert.Contains("ingen kontakt", failure.Check, StringComparison.Ordinal);
    }

    [Fact]
    public void The_school_file_reports_every_bad_line_reads_mixed_encodings_and_refuses_an_unknown_column()
    {
        var a = Born(2008, firstHalf: true);
        var b = Born(2009, firstHalf: true);
        var c = Born(2010, firstHalf: false);
        var header = "personnummer;förnamn;efternamn;skola;program;status;datum";
        var utf8 = Encoding.UTF8.GetBytes($"{header}\r\n{a.Value};Åsa;Öberg;Åva gymnasium;IM;avbrott;2026-11-02\r\n");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1252 = Encoding.GetEncoding(1252).GetBytes($"{b.Value};Jörgen;Ström;\"Skola; Väst\";;okänd;2026-10-01\r\n");
        var bad = Encoding.UTF8.GetBytes(string.Join("\r\n",
            $"{a.Value};Åsa;Öberg;;;avbrott;2026-11-02",          // line 4: duplicate of line 2
            "199001012386;Fel;Nummer;;;avbrott;2026-11-02",       // line 5: a test number with a wrong check digit
            $"{Numbers[0].Value[..4]}0101;X;Y;;;avbrott;2026-11-02", // line 6: not 12 digits
            $"{c.Value};Kim;Berg;;;hoppat av;2026-31-01",          // line 7: unknown status and bad date
            $"{c.Value};Kim;Berg;;avbrott;2026-11-01",             // line 8: a field short
            "") + "\r\n");
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };

        var file = KaaSchoolFile.Parse([.. bom, .. utf8, .. cp1252, .. bad], Today);

        Assert.False(file.Rejected);
        Assert.Equal(2, file.Rows.Count);
        Assert.Equal(("Åsa", "Öberg", SchoolStatus.Dropout), (file.Rows[0].FirstName, file.Rows[0].LastName, file.Rows[0].Status));
        Assert.Equal(("Jörgen", "Ström", "Skola; Väst", SchoolStatus.Unknown), (file.Rows[1].FirstName, file.Rows[1].LastName, file.Rows[1].School, file.Rows[1].Status));
        Assert.Equal([4, 5, 6, 7, 8], file.Problems.Select(p => p.Line));
        Assert.Contains("redan på rad 2", file.Problems[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("Personnummer:", file.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("Okänd status \"hoppat av\"", file.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("ÅÅÅÅ-MM-DD", file.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("semikolon", file.Problems[4].Reason, StringComparison.Ordinal);

        var outside = KaaSchoolFile.Parse(Encoding.UTF8.GetBytes($"{header}\n198501139995;A;B;;;avbrott;2026-11-02\n"), Today);
        Assert.True(outside.Rejected); // its only line is bad
        Assert.Contains("utanför aktivitetsansvaret", outside.Problems.Single().Reason, StringComparison.Ordinal);

        var unknown = KaaSchoolFile.Parse(Encoding.UTF8.GetBytes($"{header};diagnos\n{a.Value};A;B;;;avbrott;2026-11-02;x\n"), Today);
        Assert.True(unknown.Rejected);
        Assert.Contains("Okänd kolumn \"diagnos\"", Assert.Single(unknown.Problems).Reason, StringComparison.Ordinal);
    }
}
