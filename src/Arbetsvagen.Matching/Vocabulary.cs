namespace Arbetsvagen.Matching;

// The enums below copy the web app's member names and order (Core/Participants/ParticipantEnums.cs,
// Features/Mappings/JointPosition.cs, Features/Requirements/Requirement.cs, Features/Attendance/ActivityKind.cs), so the
// web app maps them with Enum.Parse on the name. They are copied, not referenced: this project must not depend on the web.

/// <summary>Highest completed education (SUN 2020 levels collapsed), as <c>Core.Participants.EducationLevel</c>.</summary>
public enum EducationLevel : byte
{
    Unknown, None, PrimaryShort, Primary, UpperSecondaryIncomplete, UpperSecondary, PostSecondaryShort, PostSecondary, Doctoral,
}

/// <summary>As <c>Core.Participants.SwedishLevel</c>; the order is the order of proficiency.</summary>
public enum SwedishLevel : byte
{
    Unknown, None, SfiA, SfiB, SfiC, SfiD, SecondLanguage, Native,
}

/// <summary>Färgkategori from the joint position, as <c>Features.Mappings.Readiness</c>.</summary>
public enum Readiness : byte
{
    Green, Yellow, Red,
}

/// <summary>Riktning from the joint position, as <c>Features.Mappings.Direction</c>.</summary>
public enum Direction : byte
{
    JobTrack, Employment, Studies, Preparatory, Other,
}

/// <summary>As <c>Features.Requirements.PhysicalDemands</c>; a person's capacity uses the same scale.</summary>
public enum PhysicalDemands : byte
{
    Low, Moderate, High,
}

/// <summary>
/// What a criterion is about. The first eight are <c>Features.Requirements.RequirementKind</c> by name, with the same
/// <see cref="Criterion.Value"/>; the last two are new (the web's requirement editor does not offer them yet).
/// </summary>
public enum CriterionKind : byte
{
    /// <summary>Value: an SSYK 2012 unit group, four digits ("8331").</summary>
    OccupationExperience,
    /// <summary>Value: a JobTech skill concept id.</summary>
    Skill,
    /// <summary>Value: the lowest <see cref="Matching.SwedishLevel"/> that is enough, by name.</summary>
    SwedishLevel,
    /// <summary>Value: a driving licence category as the web stores it ("B", "CE", "Utökad B").</summary>
    DrivingLicence,
    /// <summary>Value: the lowest <see cref="Matching.EducationLevel"/> that is enough, by name.</summary>
    EducationLevel,
    /// <summary>Value: age in whole years on the start date.</summary>
    MinimumAge,
    /// <summary>Value: a <see cref="Matching.PhysicalDemands"/> name; the person's capacity must reach it.</summary>
    PhysicalDemands,
    /// <summary>Value: empty; the person must be registered with Arbetsförmedlingen.</summary>
    AfRegistration,
    /// <summary>Value: a SUN 2020 field of education (inriktning), three digits ("841").</summary>
    EducationField,
    /// <summary>Value: a language code (ISO 639-1, "ar").</summary>
    Language,
}

/// <summary>What the opportunity is; decides how well it fits a person's direction.</summary>
public enum OpportunityKind : byte
{
    JobTrack, Placement, JobAd,
}

/// <summary>
/// The activity catalogue, member for member <c>Features.Attendance.ActivityKind</c> (the kinds of an action plan's
/// activities): a gap names the kinds that would close it, and the web app maps them by name.
/// </summary>
public enum ActivityKind : byte
{
    Placement, WorkTraining, Sfi, SfiCombination, KomvuxCourse, VocationalTraining, Fub, Aub, StudyMotivationCourse, JobSearch,
    Coaching, Osa, ExtraJob, NewStartJob, IntroductionJob, WageSubsidy, SummerJob, CivicOrientation, Other,
}

/// <summary>Driving licence categories as bits; the web stores them as labels in a comma-separated string.</summary>
[Flags]
public enum DrivingLicences : ushort
{
    None = 0,
    AM = 1 << 0, A1 = 1 << 1, A2 = 1 << 2, A = 1 << 3,
    B = 1 << 4, ExtendedB = 1 << 5, BE = 1 << 6,
    C1 = 1 << 7, C1E = 1 << 8, C = 1 << 9, CE = 1 << 10,
    D1 = 1 << 11, D1E = 1 << 12, D = 1 << 13, DE = 1 << 14,
}

/// <summary>The Swedish words people read for the values above (the web's Display names).</summary>
public static class Labels
{
    public static string Of(EducationLevel level) => level switch
    {
        EducationLevel.None => "Ingen formell utbildning",
        EducationLevel.PrimaryShort => "Förgymnasial, kortare än 9 år",
        EducationLevel.Primary => "Förgymnasial, 9 (10) år",
        EducationLevel.UpperSecondaryIncomplete => "Gymnasial, ej fullföljd",
        EducationLevel.UpperSecondary => "Gymnasial, fullföljd",
        EducationLevel.PostSecondaryShort => "Eftergymnasial, kortare än 2 år",
        EducationLevel.PostSecondary => "Eftergymnasial, 2 år eller längre",
        EducationLevel.Doctoral => "Forskarutbildning",
        _ => "Okänd",
    };

    public static string Of(SwedishLevel level) => level switch
    {
        SwedishLevel.None => "Ingen svenska",
        SwedishLevel.SfiA => "SFI kurs A",
        SwedishLevel.SfiB => "SFI kurs B",
        SwedishLevel.SfiC => "SFI kurs C",
        SwedishLevel.SfiD => "SFI kurs D",
        SwedishLevel.SecondLanguage => "Svenska som andraspråk",
        SwedishLevel.Native => "Modersmål",
        _ => "Okänd",
    };

    public static string Of(Readiness readiness) => readiness switch
    {
        Readiness.Green => "Grön – nära arbetsmarknaden",
        Readiness.Yellow => "Gul – osäker arbetsförmåga",
        _ => "Röd – långt från arbetsmarknaden",
    };

    public static string Of(Direction direction) => direction switch
    {
        Direction.JobTrack => "Lokalt jobbspår",
        Direction.Employment => "Anställning",
        Direction.Studies => "Studier",
        Direction.Preparatory => "Förberedande insatser",
        _ => "Annat",
    };

    public static string Of(PhysicalDemands demands) => demands switch
    {
        PhysicalDemands.Low => "Låga",
        PhysicalDemands.Moderate => "Måttliga",
        _ => "Höga",
    };

    public static string Of(OpportunityKind kind) => kind switch
    {
        OpportunityKind.JobTrack => "lokalt jobbspår",
        OpportunityKind.Placement => "praktikplats",
        _ => "platsannons",
    };

    public static string Of(CriterionKind kind) => kind switch
    {
        CriterionKind.OccupationExperience => "Yrkeserfarenhet",
        CriterionKind.Skill => "Kompetens",
        CriterionKind.SwedishLevel => "Svenska",
        CriterionKind.DrivingLicence => "Körkort",
        CriterionKind.EducationLevel => "Utbildningsnivå",
        CriterionKind.MinimumAge => "Lägsta ålder",
        CriterionKind.PhysicalDemands => "Fysiska krav",
        CriterionKind.AfRegistration => "Inskriven på Arbetsförmedlingen",
        CriterionKind.EducationField => "Utbildningsinriktning",
        _ => "Språk",
    };

    public static string Of(ActivityKind kind) => kind switch
    {
        ActivityKind.Placement => "Praktik",
        ActivityKind.WorkTraining => "Arbetsträning",
        ActivityKind.Sfi => "SFI",
        ActivityKind.SfiCombination => "SFI-kombination",
        ActivityKind.KomvuxCourse => "Komvux-kurs",
        ActivityKind.VocationalTraining => "Yrkesutbildning",
        ActivityKind.Fub => "Förberedande utbildning (FUB)",
        ActivityKind.Aub => "Arbetsmarknadsutbildning (AUB)",
        ActivityKind.StudyMotivationCourse => "Studiemotiverande folkhögskolekurs",
        ActivityKind.JobSearch => "Jobbsökaraktivitet",
        ActivityKind.Coaching => "Coachning",
        ActivityKind.Osa => "OSA (offentligt skyddat arbete)",
        ActivityKind.ExtraJob => "Extratjänst",
        ActivityKind.NewStartJob => "Nystartsjobb",
        ActivityKind.IntroductionJob => "Introduktionsjobb",
        ActivityKind.WageSubsidy => "Lönebidrag",
        ActivityKind.SummerJob => "Feriejobb",
        ActivityKind.CivicOrientation => "Samhällsorientering",
        _ => "Annat",
    };

    /// <summary>A licence category as the web's reference list spells it ("Utökad B").</summary>
    public static string Of(DrivingLicences licence) => licence == DrivingLicences.ExtendedB ? "Utökad B" : licence.ToString();

    /// <summary>Every category held, in the flags' order: "B, C".</summary>
    public static string List(DrivingLicences licences)
    {
        var held = Enum.GetValues<DrivingLicences>().Where(l => l != DrivingLicences.None && licences.HasFlag(l)).Select(Of).ToList();
        return held.Count == 0 ? "inget körkort" : string.Join(", ", held);
    }
}

public static class DrivingLicenceText
{
    /// <summary>One category from the web's label ("B", "Utökad B"); false for an unknown label.</summary>
    public static bool TryParseOne(string text, out DrivingLicences licence)
    {
        var t = text.Trim();
        if (string.Equals(t, "Utökad B", StringComparison.OrdinalIgnoreCase) || string.Equals(t, "B96", StringComparison.OrdinalIgnoreCase))
        {
            licence = DrivingLicences.ExtendedB;
            return true;
        }

        return Enum.TryParse(t, ignoreCase: true, out licence) && licence != DrivingLicences.None && Enum.IsDefined(licence)
            && !int.TryParse(t, out _);
    }

    /// <summary>The web's stored form, "B,C,Utökad B"; unknown labels are skipped (the web validated them on input).</summary>
    public static DrivingLicences ParseList(string? text)
    {
        var all = DrivingLicences.None;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParseOne(part, out var one))
            {
                all |= one;
            }
        }

        return all;
    }
}
