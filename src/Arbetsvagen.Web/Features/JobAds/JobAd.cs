using System.Security.Cryptography;
using System.Text;

namespace Arbetsvagen.Features.JobAds;

/// <summary>
/// A job ad as Arbetsförmedlingen's JobSearch publishes it, reduced to what matching and the recruitment-need figures use.
/// Ads are public data: nothing in them is about a participant, and contact persons of the ad are not kept.
/// </summary>
public sealed class JobAd
{
    public const int MaxHeadline = 300;
    public const int MaxName = 200;

    /// <summary>SSYK 2012 codes in ads are reliable only from mid-2014; older ads keep their occupation but no SSYK group.</summary>
    public static readonly DateOnly SsykReliableFrom = new(2014, 7, 1);

    private JobAd()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The Platsbanken id: <c>original_id</c> where a historical file derives <c>id</c> from the content, else <c>id</c>.</summary>
    public string AdKey { get; private set; } = "";

    public string Headline { get; private set; } = "";
    public string? EmployerName { get; private set; }
    public string? EmployerOrganisationNumber { get; private set; }
    public string? OccupationId { get; private set; }
    public string? OccupationLabel { get; private set; }
    public string? SsykCode { get; private set; }
    public string? OccupationFieldId { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public int Vacancies { get; private set; }
    public string? EmploymentTypeId { get; private set; }
    public string? EmploymentTypeLabel { get; private set; }
    public bool DrivingLicenceRequired { get; private set; }

    /// <summary>Licence classes, comma-separated ("B,C").</summary>
    public string? DrivingLicences { get; private set; }

    public bool ExperienceRequired { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public DateOnly? ApplicationDeadline { get; private set; }
    public DateOnly? LastPublicationOn { get; private set; }
    public bool Removed { get; private set; }
    public DateOnly? RemovedOn { get; private set; }

    /// <summary>A hash of the kept fields: a re-import of the same ad changes nothing.</summary>
    public string ContentHash { get; private set; } = "";

    public Guid LastImportId { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static JobAd Create(JobAdRecord record, Guid importId, DateTime now)
    {
        // Time-ordered ids: an import appends to the primary key's index instead of writing all over it.
        var ad = new JobAd { Id = Guid.CreateVersion7(), AdKey = record.Key };
        ad.Apply(record, importId, now);
        return ad;
    }

    /// <summary>Takes a full version of the ad; false when it is the version already kept.</summary>
    public bool Apply(JobAdRecord record, Guid importId, DateTime now)
    {
        var hash = record.Hash;
        if (hash == ContentHash)
        {
            return false;
        }

        (Headline, EmployerName, EmployerOrganisationNumber) = (record.Headline, record.EmployerName, record.EmployerOrganisationNumber);
        (OccupationId, OccupationLabel, OccupationFieldId) = (record.OccupationId, record.OccupationLabel, record.OccupationFieldId);
        SsykCode = record.PublishedOn >= SsykReliableFrom ? record.SsykCode : null;
        (MunicipalityCode, Vacancies, EmploymentTypeId, EmploymentTypeLabel) = (record.MunicipalityCode, record.Vacancies, record.EmploymentTypeId, record.EmploymentTypeLabel);
        (DrivingLicenceRequired, DrivingLicences, ExperienceRequired) = (record.DrivingLicenceRequired, record.DrivingLicences, record.ExperienceRequired);
        (PublishedOn, ApplicationDeadline, LastPublicationOn) = (record.PublishedOn, record.ApplicationDeadline, record.LastPublicationOn);
        (Removed, RemovedOn) = (record.Removed, record.RemovedOn);
        (ContentHash, LastImportId, UpdatedAt) = (hash, importId, now);
        return true;
    }

    /// <summary>
    /// A removal record closes the ad and touches nothing else: it carries only the id and the date, and must never
    /// overwrite the last full version. False when the ad was already closed on that date.
    /// </summary>
    public bool Close(DateOnly? on, Guid importId, DateTime now)
    {
        if (Removed && RemovedOn == on)
        {
            return false;
        }

        (Removed, RemovedOn, LastImportId, UpdatedAt) = (true, on, importId, now);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="record"/> would change an ad stored with this content hash and removal, told without
    /// loading it: a full version when its hash differs (as <see cref="Apply"/>), a removal when the ad is not already
    /// closed on that date (as <see cref="Close"/>).
    /// </summary>
    public static bool Changes(JobAdRecord record, string contentHash, bool removed, DateOnly? removedOn) =>
        record.IsRemoval ? !(removed && removedOn == record.RemovedOn) : record.Hash != contentHash;

    /// <summary>Open on a day: published, not removed before it, and not past its last publication day.</summary>
    public bool IsOpenOn(DateOnly day) =>
        PublishedOn <= day && !(Removed && (RemovedOn is null || RemovedOn <= day)) && (LastPublicationOn is null || LastPublicationOn >= day);
}

/// <summary>One ad as read from a file: a full version, or (<see cref="IsRemoval"/>) only the news that it was removed.</summary>
public sealed record JobAdRecord(
    string Key,
    bool IsRemoval,
    string Headline,
    string? EmployerName,
    string? EmployerOrganisationNumber,
    string? OccupationId,
    string? OccupationLabel,
    string? SsykCode,
    string? OccupationFieldId,
    string? MunicipalityCode,
    int Vacancies,
    string? EmploymentTypeId,
    string? EmploymentTypeLabel,
    bool DrivingLicenceRequired,
    string? DrivingLicences,
    bool ExperienceRequired,
    DateOnly PublishedOn,
    DateOnly? ApplicationDeadline,
    DateOnly? LastPublicationOn,
    bool Removed,
    DateOnly? RemovedOn)
{
    public static JobAdRecord Removal(string key, DateOnly? on) =>
        new(key, true, "", null, null, null, null, null, null, null, 0, null, null, false, null, false, default, null, null, true, on);

    /// <summary>
    /// A hash of the kept fields, computed once as the record is read (by the import's reading thread, not the one that
    /// writes). It is derived from the fields above, so records are made with the constructor, never copied with <c>with</c>.
    /// </summary>
    public string Hash { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        Headline, EmployerName, EmployerOrganisationNumber, OccupationId, OccupationLabel, SsykCode, OccupationFieldId,
        MunicipalityCode, Vacancies, EmploymentTypeId, EmploymentTypeLabel, DrivingLicenceRequired, DrivingLicences, ExperienceRequired,
        PublishedOn.DayNumber, ApplicationDeadline?.DayNumber, LastPublicationOn?.DayNumber, Removed, RemovedOn?.DayNumber))), 0, 16);
}
