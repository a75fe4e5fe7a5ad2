namespace Arbetsvagen.Infrastructure.Demo;

/// <summary>
/// The names of the demo region Stockholm Nordost (seed 002): its municipalities, organisations and demo users.
/// They sit on the ground floor so that each feature's demo seeding (a <c>…Demo</c> class in the feature's folder)
/// can find the organisations and people it builds on; <c>Compositions/Demo/DemoRegion</c> runs the seeders in order.
/// </summary>
public static class DemoNames
{
    public const string CollaborationName = "Stockholm Nordost";

    public sealed record DemoUser(string UserName, string DisplayName, string OrganisationName, string Role);

    public static readonly (string Code, string Name)[] Municipalities =
        [("0162", "Danderyd"), ("0188", "Norrtälje"), ("0160", "Täby"), ("0115", "Vallentuna"), ("0187", "Vaxholm"), ("0117", "Österåker")];

    public const string AfName = "Arbetsförmedlingen Nordöstra Stockholm";
    public const string KcnoName = "Kunskapscentrum Nordost";
    public const string NorrtaljeVuxName = "Norrtälje vuxenutbildning";

    public static string SocialServicesName(string municipality) => $"{municipality} kommun – Socialtjänsten, försörjningsstöd";
    public static string JobCentreName(string municipality) => $"{municipality} kommun – Jobbcentrum";
    public static string KaaName(string municipality) => $"{municipality} kommun – Kommunala aktivitetsansvaret";

    public static readonly DemoUser[] Users =
    [
        new("soc.taby", "Sara Lind", SocialServicesName("Täby"), Roles.SocialSecretary),
        new("jobb.taby", "Jonas Ek", JobCentreName("Täby"), Roles.LabourMarketConsultant),
        new("soc.vaxholm", "Vera Holm", SocialServicesName("Vaxholm"), Roles.SocialSecretary),
        new("jobb.vaxholm", "Vilhelm Strand", JobCentreName("Vaxholm"), Roles.LabourMarketConsultant),
        new("af.nordost", "Amira Nordin", AfName, Roles.EmploymentOfficer),
        new("syv.kcno", "Karin Berg", KcnoName, Roles.CareerCounsellor),
        new("kaa.norrtalje", "Nils Rosén", KaaName("Norrtälje"), Roles.KaaOfficer),
        new("samordnare.nordost", "Sofia Dahl", "Täby kommun", Roles.Coordinator),
        new("analytiker", "Anton Fors", "Täby kommun", Roles.Analyst),
        new("admin.taby", "Ada Nyström", "Täby kommun", Roles.Administrator),
        // A second administrator, so that a culling run can be approved by someone other than its previewer (four eyes).
        new("arkiv.taby", "Arvid Lundqvist", "Täby kommun", Roles.Administrator),
    ];
}
