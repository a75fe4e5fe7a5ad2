namespace Arbetsvagen.Features.Employers;

public sealed class EmployerInput
{
    public string? OrganisationNumber { get; set; }
    public string? Name { get; set; }
    public string? SniGroup { get; set; }
    public string? Size { get; set; }
    /// <summary>
    /// Only when creating: the collaboration that shares the employer. Required when the user's organisation is in
    /// several; the only one when it is in one.
    /// </summary>
    public Guid? CollaborationId { get; set; }
    /// <summary>The unit that keeps the relationship; the user's own organisation when not given.</summary>
    public Guid? OwnerOrganisationId { get; set; }
    public List<WorkplaceInput>? Workplaces { get; set; }
}

public sealed class WorkplaceInput
{
    public string? Name { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? TransportNote { get; set; }

    public bool IsBlank => new[] { Name, StreetAddress, PostalCode, City, MunicipalityCode, TransportNote }.All(string.IsNullOrWhiteSpace);
}

public sealed class ContactInput
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

public sealed class ContactLogInput
{
    public string? Kind { get; set; }
    public string? OccurredOn { get; set; }
    public Guid? ContactPersonId { get; set; }
    public string? Notes { get; set; }
    public string? FollowUpOn { get; set; }
}

public sealed class NeedInput
{
    public string? Kind { get; set; }
    /// <summary>JobTech occupation-name concept id (the API); a page may give <see cref="OccupationName"/> instead.</summary>
    public string? OccupationConceptId { get; set; }
    public string? OccupationName { get; set; }
    public int? NumberOfPeople { get; set; }
    public string? FromDate { get; set; }
    public string? Requirements { get; set; }
    public string? EmploymentForm { get; set; }
    public string? MunicipalityCode { get; set; }
}

public sealed class NeedStatusInput
{
    /// <summary>inProgress, handled or declined.</summary>
    public string? Status { get; set; }
    public string? Reason { get; set; }
    public Guid? AnsweredByJobTrackId { get; set; }
    public Guid? AnsweredByPlacementId { get; set; }
}

/// <summary>The job track or the placement (one of them) that answers a need.</summary>
public sealed class NeedAnswerInput
{
    public Guid? JobTrackId { get; set; }
    public Guid? PlacementId { get; set; }
}

/// <summary>What the public form posts: no login, so everything is checked and nothing is trusted.</summary>
public sealed class PublicNeedInput
{
    public string? Kind { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? EmployerName { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Occupation { get; set; }
    public string? NumberOfPeople { get; set; }
    public string? FromDate { get; set; }
    public string? Requirements { get; set; }
    public string? EmploymentForm { get; set; }
}
