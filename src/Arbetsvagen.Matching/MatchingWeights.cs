namespace Arbetsvagen.Matching;

/// <summary>
/// How much each merit weighs, per collaboration (a coordinator changes them; the web app stores and logs them).
/// Whole numbers, 0–1000. The profile side says how well the person meets the opportunity's profile; the person
/// side how well the opportunity fits the person's direction and interests; <see cref="ProfileSide"/> and
/// <see cref="PersonSide"/> mix the two into the ranking.
/// </summary>
public sealed record MatchingWeights
{
    public const int Max = 1000;

    // Profile side: merit criteria of the requirement profile.
    public int OccupationExperience { get; init; } = 30;
    public int Skills { get; init; } = 20;
    public int SwedishLevel { get; init; } = 10;
    public int DrivingLicence { get; init; } = 10;
    public int EducationLevel { get; init; } = 10;
    public int EducationField { get; init; } = 10;
    public int Languages { get; init; } = 5;
    /// <summary>Minimum age, physical demands and AF registration when listed as merits.</summary>
    public int OtherMerits { get; init; } = 5;

    // Profile side: always counted.
    public int OccupationInterest { get; init; } = 10;
    public int Readiness { get; init; } = 10;
    public int Direction { get; init; } = 5;
    public int Commuting { get; init; } = 10;

    // Person side.
    public int PersonDirection { get; init; } = 40;
    public int PersonInterest { get; init; } = 40;
    public int PersonCommuting { get; init; } = 20;

    // The ranking's mix of the two sides.
    public int ProfileSide { get; init; } = 70;
    public int PersonSide { get; init; } = 30;

    public static MatchingWeights Default { get; } = new();

    /// <summary>Field name (camelCase, as the API names it), its Swedish label and value, in the order a form shows them.</summary>
    public IEnumerable<(string Field, string Label, int Value)> Fields()
    {
        yield return ("occupationExperience", "yrkeserfarenhet", OccupationExperience);
        yield return ("skills", "kompetenser", Skills);
        yield return ("swedishLevel", "svenska", SwedishLevel);
        yield return ("drivingLicence", "körkort", DrivingLicence);
        yield return ("educationLevel", "utbildningsnivå", EducationLevel);
        yield return ("educationField", "utbildningsinriktning", EducationField);
        yield return ("languages", "språk", Languages);
        yield return ("otherMerits", "övriga meriter", OtherMerits);
        yield return ("occupationInterest", "yrkesintresse", OccupationInterest);
        yield return ("readiness", "färgkategori", Readiness);
        yield return ("direction", "riktning", Direction);
        yield return ("commuting", "pendling", Commuting);
        yield return ("personDirection", "riktning (personens sida)", PersonDirection);
        yield return ("personInterest", "yrkesintresse (personens sida)", PersonInterest);
        yield return ("personCommuting", "pendling (personens sida)", PersonCommuting);
        yield return ("profileSide", "kravprofilens sida", ProfileSide);
        yield return ("personSide", "personens sida", PersonSide);
    }

    private static readonly string[] ProfileFields =
        ["occupationExperience", "skills", "swedishLevel", "drivingLicence", "educationLevel", "educationField", "languages", "otherMerits",
         "occupationInterest", "readiness", "direction", "commuting"];

    /// <summary>The rule violations, a Swedish message per field; empty when the weights can be used.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var fields = Fields().ToList();
        foreach (var (field, label, value) in fields)
        {
            if (value < 0)
            {
                errors[field] = [$"Vikten för {label} får inte vara negativ."];
            }
            else if (value > Max)
            {
                errors[field] = [$"Vikten för {label} får vara högst {Max}."];
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // All zero on a side would make every score 0 of 0: nothing to rank by.
        if (fields.Where(f => ProfileFields.Contains(f.Field)).All(f => f.Value == 0))
        {
            errors["occupationExperience"] = ["Alla vikter för kravprofilens sida är noll: ge minst en av dem, till exempel yrkeserfarenhet, en vikt större än noll."];
        }

        if (PersonDirection == 0 && PersonInterest == 0 && PersonCommuting == 0)
        {
            errors["personDirection"] = ["Alla vikter för personens sida är noll: ge riktning, yrkesintresse eller pendling en vikt större än noll."];
        }

        if (ProfileSide == 0 && PersonSide == 0)
        {
            errors["profileSide"] = ["Kravprofilens sida och personens sida kan inte båda väga noll."];
        }

        return errors;
    }

    /// <summary>Throws <see cref="MatchingInputException"/> with the violations, if any.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new MatchingInputException("Ogiltiga vikter.", errors);
        }
    }
}

/// <summary>Input matching cannot use (bad weights, a bad profile): a Swedish message per field, as the web's ValidationProblem wants.</summary>
public sealed class MatchingInputException(string message, IReadOnlyDictionary<string, string[]> errors) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
