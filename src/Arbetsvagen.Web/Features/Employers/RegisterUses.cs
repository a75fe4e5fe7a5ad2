using System.ComponentModel.DataAnnotations;

namespace Arbetsvagen.Features.Employers;

public enum NeedAnswerKind
{
    [Display(Name = "Jobbspår")] JobTrack,
    [Display(Name = "Praktikplats")] Placement,
}

/// <summary>
/// A job track or placement that can answer a competence need, as the need's page names and links it.
/// <see cref="Active"/> is false for an ended placement or a completed or cancelled job track.
/// </summary>
public sealed record NeedAnswer(NeedAnswerKind Kind, Guid Id, Guid CollaborationId, IReadOnlyList<Guid> EmployerIds, bool Active, string Label)
{
    public string Path => Kind == NeedAnswerKind.JobTrack ? $"/JobTracks/Details/{Id}" : $"/Placements/Details/{Id}";
}

/// <summary>
/// What the features that build on the register tell it: how many placements use a workplace, and which job tracks and
/// placements can answer a need. Placements and job tracks depend on the register, so it asks through this port and
/// never names them; the implementation reads both (Compositions/EmployerLinks, wired in Program.cs).
/// </summary>
public interface IRegisterUses
{
    Task<int> PlacementsAtAsync(Guid workplaceId, CancellationToken ct);

    /// <summary>
    /// The active job tracks of the collaboration, and its active placements at the employer's workplaces (without an
    /// employer, those in <paramref name="municipalityCode"/>); the employer's own first.
    /// </summary>
    Task<List<NeedAnswer>> ChoicesAsync(Guid collaborationId, Guid? employerId, string? municipalityCode, CancellationToken ct);

    /// <summary>The job tracks and placements with these ids, whatever their state or collaboration.</summary>
    Task<List<NeedAnswer>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
