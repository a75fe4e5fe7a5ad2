using System.ComponentModel.DataAnnotations;

namespace Arbetsvagen.Core.Participants;

public enum IdentityKind
{
    [Display(Name = "Personnummer")] Personnummer,
    [Display(Name = "Samordningsnummer")] Samordningsnummer,
    [Display(Name = "Tillfällig referens")] TemporaryReference,
}

public enum Gender
{
    [Display(Name = "Kvinna")] Woman,
    [Display(Name = "Man")] Man,
    [Display(Name = "Okänt")] Unknown,
}

/// <summary>Highest completed education, SUN 2020 levels collapsed to what the work needs.</summary>
public enum EducationLevel
{
    [Display(Name = "Okänd")] Unknown,
    [Display(Name = "Ingen formell utbildning")] None,
    [Display(Name = "Förgymnasial, kortare än 9 år")] PrimaryShort,
    [Display(Name = "Förgymnasial, 9 (10) år")] Primary,
    [Display(Name = "Gymnasial, ej fullföljd")] UpperSecondaryIncomplete,
    [Display(Name = "Gymnasial, fullföljd")] UpperSecondary,
    [Display(Name = "Eftergymnasial, kortare än 2 år")] PostSecondaryShort,
    [Display(Name = "Eftergymnasial, 2 år eller längre")] PostSecondary,
    [Display(Name = "Forskarutbildning")] Doctoral,
}

public enum SwedishLevel
{
    [Display(Name = "Okänd")] Unknown,
    [Display(Name = "Ingen svenska")] None,
    [Display(Name = "SFI kurs A")] SfiA,
    [Display(Name = "SFI kurs B")] SfiB,
    [Display(Name = "SFI kurs C")] SfiC,
    [Display(Name = "SFI kurs D")] SfiD,
    [Display(Name = "Svenska som andraspråk")] SecondLanguage,
    [Display(Name = "Modersmål")] Native,
}

public enum AfStatus
{
    [Display(Name = "Ej inskriven")] NotRegistered,
    [Display(Name = "Öppet arbetslös")] OpenlyUnemployed,
    [Display(Name = "Etableringsprogrammet")] EstablishmentProgramme,
    [Display(Name = "Jobb- och utvecklingsgarantin")] JobAndDevelopmentGuarantee,
    [Display(Name = "Jobbgarantin för ungdomar")] YouthJobGuarantee,
    [Display(Name = "Annat program")] OtherProgramme,
}

public enum IncomeSource
{
    [Display(Name = "Försörjningsstöd")] SocialAssistance,
    [Display(Name = "Etableringsersättning")] EstablishmentBenefit,
    [Display(Name = "Aktivitetsstöd")] ActivitySupport,
    [Display(Name = "A-kassa")] UnemploymentInsurance,
    [Display(Name = "Lön")] Salary,
    [Display(Name = "Ingen")] None,
    [Display(Name = "Annan")] Other,
}

[Flags]
public enum TargetGroups
{
    None = 0,
    [Display(Name = "Unga 16–24")] Youth = 1,
    [Display(Name = "Nyanländ")] NewlyArrived = 2,
    [Display(Name = "Långtidsarbetslös")] LongTermUnemployed = 4,
    [Display(Name = "Utrikes född kvinna")] ForeignBornWoman = 8,
    [Display(Name = "Ensamstående förälder")] SingleParent = 16,
}

public enum OccupationRelation
{
    [Display(Name = "Erfarenhet")] Experience,
    [Display(Name = "Intresse")] Interest,
}
