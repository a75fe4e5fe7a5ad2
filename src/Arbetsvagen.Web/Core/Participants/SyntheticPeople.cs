using Arbetsvagen.Infrastructure.Demo;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Core.Organisations;

namespace Arbetsvagen.Core.Participants;

/// <summary>
/// Fictitious participants for the demo and for volume tests. Identity numbers come only from Skatteverket's
/// official test numbers; names are common first and last names combined at random.
/// </summary>
public sealed class SyntheticPeople
{
    private static readonly string[] WomenNames = ["Anna", "Maria", "Fatima", "Sara", "Emma", "Amina", "Elin", "Hodan", "Ewa", "Leila", "Johanna", "Noor", "Linnea", "Aisha", "Karin", "Zahra", "Ida", "Maja", "Yasmin", "Sofia"];
    private static readonly string[] MenNames = ["Erik", "Mohammed", "Johan", "Ali", "Lars", "Ahmed", "Oskar", "Abdi", "Karl", "Omar", "Anders", "Mikael", "Hassan", "Filip", "Daniel", "Yusuf", "Per", "Adam", "Tomas", "Samir"];
    private static readonly string[] LastNames = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Hassan", "Ali", "Mohamed", "Ahmed", "Lindberg", "Jakobsson", "Nowak", "Yilmaz", "Haddad", "Abdullahi", "Berg", "Lundqvist", "Kovač", "Ibrahim", "Nguyen"];

    private static readonly Lazy<IReadOnlyList<PersonalIdentityNumber>> WorkingAgeNumbers = new(LoadNumbers);

    private readonly int seed;
    private readonly DateOnly today;

    public SyntheticPeople(int seed, DateOnly today)
    {
        this.seed = seed;
        this.today = today;
    }

    public static int NumberCount => WorkingAgeNumbers.Value.Count;

    /// <summary>Person number <paramref name="i"/>: the same i gives the same person.</summary>
    public Participant Create(int i, Organisation owner, int numberIndex, Guid author, DateTime now)
    {
        var random = new Random(HashCode.Combine(seed, i));
        var number = WorkingAgeNumbers.Value[numberIndex % NumberCount];
        var gender = random.Next(25) == 0 ? Gender.Unknown : number.IsMale ? Gender.Man : Gender.Woman;
        var first = number.IsMale ? MenNames[random.Next(MenNames.Length)] : WomenNames[random.Next(WomenNames.Length)];
        var kind = number.Kind == IdentityNumberKind.Samordningsnummer ? IdentityKind.Samordningsnummer : IdentityKind.Personnummer;
        var p = Participant.Create(owner.Id, owner.SecrecyBoundaryId, kind, number.Value, number.IsDateOfBirthComplete ? number.DateOfBirth : null,
            first, LastNames[random.Next(LastNames.Length)], author, now.AddDays(-random.Next(400)));
        p.Touch(author, now.AddDays(-random.Next(60)));
        var municipality = DemoNames.Municipalities.FirstOrDefault(m => m.Code == owner.MunicipalityCode);
        p.HomeMunicipalityCode = municipality.Code ?? DemoNames.Municipalities[random.Next(DemoNames.Municipalities.Length)].Code;
        p.Gender = gender;
        p.Phone = $"070-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}";
        p.EducationLevel = Pick(random, [EducationLevel.PrimaryShort, EducationLevel.Primary, EducationLevel.Primary, EducationLevel.UpperSecondaryIncomplete,
            EducationLevel.UpperSecondary, EducationLevel.UpperSecondary, EducationLevel.PostSecondaryShort, EducationLevel.PostSecondary, EducationLevel.Unknown]);
        var newlyArrived = random.Next(3) == 0;
        p.SwedishLevel = newlyArrived
            ? Pick(random, [SwedishLevel.SfiA, SwedishLevel.SfiB, SwedishLevel.SfiC, SwedishLevel.SfiD, SwedishLevel.SecondLanguage])
            : Pick(random, [SwedishLevel.Native, SwedishLevel.Native, SwedishLevel.SecondLanguage]);
        p.InterpreterNeeded = newlyArrived && random.Next(3) == 0;
        p.InterpreterLanguage = p.InterpreterNeeded ? Pick(random, ["arabiska", "somaliska", "tigrinja", "dari", "ukrainska"]) : null;
        p.DrivingLicences = random.Next(3) == 0 ? "B" : "";
        p.AfStatus = newlyArrived
            ? Pick(random, [AfStatus.EstablishmentProgramme, AfStatus.OpenlyUnemployed])
            : Pick(random, [AfStatus.OpenlyUnemployed, AfStatus.OpenlyUnemployed, AfStatus.JobAndDevelopmentGuarantee, AfStatus.YouthJobGuarantee, AfStatus.NotRegistered, AfStatus.OtherProgramme]);
        p.EducationDuty = p.AfStatus == AfStatus.EstablishmentProgramme && p.IsShortEducated;
        p.IncomeSource = p.AfStatus == AfStatus.EstablishmentProgramme ? IncomeSource.EstablishmentBenefit
            : Pick(random, [IncomeSource.SocialAssistance, IncomeSource.SocialAssistance, IncomeSource.ActivitySupport, IncomeSource.UnemploymentInsurance, IncomeSource.None]);
        var age = p.AgeOn(today) ?? 30;
        p.TargetGroups = (age is >= 16 and <= 24 ? TargetGroups.Youth : TargetGroups.None)
            | (newlyArrived ? TargetGroups.NewlyArrived : TargetGroups.None)
            | (random.Next(4) == 0 ? TargetGroups.LongTermUnemployed : TargetGroups.None)
            | (newlyArrived && gender == Gender.Woman ? TargetGroups.ForeignBornWoman : TargetGroups.None);
        if (random.Next(8) == 0)
        {
            var s = p.SensitiveData();
            s.HasRegisteredDisability = true;
            s.DisabilityDescription = "Registrerad funktionsnedsättning som påverkar arbetsförmågan (fiktiv uppgift).";
            s.WorkAbility = "Klarar halvtid med anpassade arbetsuppgifter (fiktiv uppgift).";
        }

        return p;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static List<PersonalIdentityNumber> LoadNumbers()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return ReferenceData.ReadLines("test-personnummer.csv").Concat(ReferenceData.ReadLines("test-samordningsnummer.csv"))
            .Select(line => PersonalIdentityNumber.TryParse(line.Trim(), today, out var n, out _) ? n : null)
            .OfType<PersonalIdentityNumber>()
            .Where(n => !n.IsDateOfBirthComplete || (n.DateOfBirth > today.AddYears(-66) && n.DateOfBirth <= today.AddYears(-16)))
            .ToList();
    }
}
