using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Governance;

public enum GroupKind
{
    [Display(Name = "Styrgrupp")] SteeringGroup,
    [Display(Name = "Arbetsgrupp")] WorkingGroup,
    [Display(Name = "Ledningsgrupp")] ManagementGroup,
    [Display(Name = "Fokusgrupp")] FocusGroup,
    [Display(Name = "Nätverk")] Network,
}

/// <summary>What a decision decides, when it decides something that lives elsewhere and shows there too.</summary>
public enum DecisionSubject
{
    [Display(Name = "Inget särskilt")] None,
    [Display(Name = "Start av jobbspår")] JobTrackStart,
    [Display(Name = "Fokusområde")] FocusArea,
}

/// <summary>
/// A group of the collaboration (styrgrupp, arbetsgrupp, ledningsgrupp, fokusgrupp, nätverk such as NANO): its mandate,
/// how often it meets, and its members. A member is a named person with a role and organisation, linked to a user account
/// when they have one: that link is what lets them record the group's meetings.
/// </summary>
public class Group
{
    public const int MaxName = 200;
    public const int MaxText = 4000;
    public const int MaxCadence = 200;

    private Group() { }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public string Name { get; private set; } = "";
    public GroupKind Kind { get; private set; }
    public string Mandate { get; private set; } = "";
    /// <summary>The cadence in words ("var fjärde vecka, oftare vid behov").</summary>
    public string Cadence { get; private set; } = "";
    /// <summary>The cadence in weeks when it is regular: the annual cycle proposes the next meetings from it.</summary>
    public int? CadenceWeeks { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public List<GroupMember> Members { get; private set; } = [];

    public static Group Create(Guid collaborationId, string name, GroupKind kind, string mandate, string cadence, int? cadenceWeeks, DateTime now) => new()
    {
        Id = Guid.NewGuid(), CollaborationId = collaborationId, Name = name, Kind = kind, Mandate = mandate, Cadence = cadence,
        CadenceWeeks = cadenceWeeks, CreatedAt = now,
    };

    public GroupMember AddMember(string name, string role, Guid organisationId, Guid? userId, bool adjunct)
    {
        if (userId is { } id && Members.Any(m => m.UserId == id))
        {
            throw new ValidationException("userId", "Användaren är redan medlem i gruppen.");
        }

        var member = new GroupMember { Id = Guid.NewGuid(), GroupId = Id, Name = name, Role = role, OrganisationId = organisationId, UserId = userId, IsAdjunct = adjunct };
        Members.Add(member);
        return member;
    }

    public bool HasMember(Guid userId) => Members.Any(m => m.UserId == userId);
}

public class GroupMember
{
    public const int MaxText = 200;

    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid? UserId { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid OrganisationId { get; set; }
    /// <summary>Adjungerad: takes part when needed, without being a standing member.</summary>
    public bool IsAdjunct { get; set; }
}

/// <summary>A meeting of one group: agenda before, attendance and minutes after, and the decisions it made.</summary>
public class Meeting
{
    public const int MaxText = 20000;
    public const int MaxTitle = 200;

    private Meeting() { }

    public Guid Id { get; private set; }
    public Guid GroupId { get; private set; }
    public Guid CollaborationId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public string Agenda { get; private set; } = "";
    public string? Minutes { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public List<MeetingAttendance> Attendance { get; private set; } = [];
    public List<Decision> Decisions { get; private set; } = [];

    public static Meeting Create(Group group, string title, DateOnly heldOn, string agenda, Guid by, DateTime now) => new()
    {
        Id = Guid.NewGuid(), GroupId = group.Id, CollaborationId = group.CollaborationId, Title = title, HeldOn = heldOn, Agenda = agenda,
        CreatedAt = now, CreatedByUserId = by,
    };

    /// <summary>The minutes and who was there; a later record replaces the earlier one.</summary>
    public void RecordMinutes(string minutes, IReadOnlyCollection<Guid> present, IReadOnlyCollection<GroupMember> members)
    {
        var unknown = present.Where(id => members.All(m => m.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException("present", "Närvaron får bara ange gruppens medlemmar.");
        }

        Minutes = minutes;
        Attendance.Clear();
        Attendance.AddRange(members.Select(m => new MeetingAttendance { MeetingId = Id, MemberId = m.Id, Present = present.Contains(m.Id) }));
    }

    public Decision Decide(string reference, string text, DecisionSubject subject, Guid? subjectId, Guid by, DateTime now)
    {
        if (Decisions.Any(d => d.Reference == reference))
        {
            throw new ValidationException("reference", $"Mötet har redan ett beslut med referensen {reference}.");
        }

        var decision = new Decision
        {
            Id = Guid.NewGuid(), MeetingId = Id, CollaborationId = CollaborationId, Reference = reference, Text = text, Subject = subject,
            SubjectId = subject == DecisionSubject.None ? null : subjectId, DecidedOn = HeldOn, CreatedAt = now, ByUserId = by,
        };
        Decisions.Add(decision);
        return decision;
    }
}

public class MeetingAttendance
{
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public bool Present { get; set; }
}

/// <summary>A decision of a meeting (a decision never exists without one), linked to what it decides when it decides something elsewhere.</summary>
public class Decision
{
    public const int MaxReference = 100;
    public const int MaxText = 4000;

    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid CollaborationId { get; set; }
    public string Reference { get; set; } = "";
    public string Text { get; set; } = "";
    public DecisionSubject Subject { get; set; }
    public Guid? SubjectId { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid ByUserId { get; set; }
}
