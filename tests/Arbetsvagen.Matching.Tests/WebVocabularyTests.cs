using System.Text.RegularExpressions;

namespace Arbetsvagen.Matching.Tests;

/// <summary>
/// The core copies the web's enums so the web maps them by name without this project referencing it. These tests read
/// the web's source files (not its assembly) and fail when a copy drifts: a renamed, added or reordered member.
/// </summary>
public class WebVocabularyTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryRoot(), "src", "Arbetsvagen.Web");

    public static TheoryData<string, string, Type> Copies => new()
    {
        { "Features/Attendance/ActivityKind.cs", "ActivityKind", typeof(ActivityKind) },
        { "Core/Participants/ParticipantEnums.cs", "SwedishLevel", typeof(SwedishLevel) },
        { "Core/Participants/ParticipantEnums.cs", "EducationLevel", typeof(EducationLevel) },
        { "Features/Mappings/JointPosition.cs", "Readiness", typeof(Readiness) },
        { "Features/Mappings/JointPosition.cs", "Direction", typeof(Direction) },
        { "Features/Requirements/Requirement.cs", "PhysicalDemands", typeof(PhysicalDemands) },
    };

    [Theory]
    [MemberData(nameof(Copies))]
    public void A_copied_enum_has_the_webs_members_in_the_webs_order(string file, string webEnum, Type copy) =>
        Assert.Equal(Members(file, webEnum), Enum.GetNames(copy));

    [Fact]
    public void Criterion_kinds_begin_with_the_webs_requirement_kinds()
    {
        var web = Members("Features/Requirements/Requirement.cs", "RequirementKind");
        Assert.Equal(web, Enum.GetNames<CriterionKind>().Take(web.Count));
    }

    /// <summary>The member names of <c>enum <paramref name="name"/></c> in a C# file, attributes and comments aside.</summary>
    private static List<string> Members(string file, string name)
    {
        var text = File.ReadAllText(Path.Combine(WebRoot, file));
        var body = Regex.Match(text, $@"enum {name}\b[^{{]*\{{(?<body>[^}}]*)\}}").Groups["body"].Value;
        Assert.False(string.IsNullOrWhiteSpace(body), $"enum {name} not found in {file}");
        var withoutNoise = Regex.Replace(Regex.Replace(body, @"///[^\n]*|//[^\n]*", ""), @"\[[^\]]*\]", "");
        return [.. withoutNoise.Split(',').Select(m => m.Split('=')[0].Trim()).Where(m => m.Length > 0)];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arbetsvagen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Arbetsvagen.slnx not found above the test's directory.");
    }
}
