using System.Text;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Arbetsvagen.Tests.Architecture;

/// <summary>
/// The floors of issue 8, over the compiled web assembly: Infrastructure (ground) → Core (secrecy core) →
/// Features → Compositions, each depending only downwards; no cycles between the folders of a floor; and a
/// folder's pages and API classes are nobody else's surface. Razor's generated view classes
/// (AspNetCoreGeneratedDocument.Features_Cases_Details) count as the folder their .cshtml sits in.
/// </summary>
public sealed class FloorsTests
{
    private static readonly System.Reflection.Assembly Web = typeof(Arbetsvagen.Infrastructure.AppDbContext).Assembly;
    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader().LoadAssemblies(Web).Build();
    private const string Views = "AspNetCoreGeneratedDocument";

    // The folders of the floors (Features.Cases, Core.Participants), from the namespaces; declared before what uses it.
    private static readonly HashSet<string> Folders = Web.GetTypes()
        .Select(t => t.Namespace ?? "")
        .Where(n => n.StartsWith("Arbetsvagen.", StringComparison.Ordinal) && n.Count(c => c == '.') >= 2)
        .Select(n => string.Join('.', n.Split('.').Skip(1).Take(2)))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The types of a floor: its namespaces, and the views generated from the .cshtml files in its folder.</summary>
    private static ArchUnitNET.Fluent.Syntax.Elements.Types.GivenTypesConjunctionWithDescription Floor(params string[] floors) =>
        Types().That().HaveFullNameMatching($@"^(Arbetsvagen\.({string.Join('|', floors)})\.|{Views}\.({string.Join('|', floors)})_)")
            .As(string.Join(", ", floors));

    [Fact]
    public void Infrastructure_depends_on_no_core_feature_or_composition() =>
        Types().That().Are(Floor("Infrastructure")).Should().NotDependOnAny(Floor("Core", "Features", "Compositions"))
            .Because("the ground names no floor above it: a feature brings its own mapping, seeding and registration")
            .Check(Code);

    [Fact]
    public void Core_depends_on_no_feature_or_composition() =>
        Types().That().Are(Floor("Core")).Should().NotDependOnAny(Floor("Features", "Compositions"))
            .Because("the secrecy core decides access on its own; features build on it, never the other way")
            .Check(Code);

    [Fact]
    public void Features_depend_on_no_composition() =>
        Types().That().Are(Floor("Features")).Should().NotDependOnAny(Floor("Compositions"))
            .Because("compositions (Mina ärenden, the participant overview) read many features; nothing depends on them")
            .Check(Code);

    [Fact]
    public void Feature_folders_have_no_cycles() => AssertNoCycles("Features");

    [Fact]
    public void Core_folders_have_no_cycles() => AssertNoCycles("Core");

    /// <summary>
    /// Every folder's page models and *Api classes, from reflection (the page base class lives in ASP.NET Core).
    /// Abstract page bases (ActionPage, ParticipantFormPage) are shared helpers to derive from, not pages.
    /// </summary>
    private static readonly Dictionary<string, string[]> SurfacesByFolder = Web.GetTypes()
        .Where(t => IsPage(t) || IsApi(t))
        .Select(t => (Folder: FolderOf(Name(t)), Type: Name(t)))
        .Where(s => s.Folder is not null)
        .GroupBy(s => s.Folder!)
        .ToDictionary(g => g.Key, g => g.Select(s => s.Type).ToArray());

    private static bool IsPage(System.Type type) => typeof(PageModel).IsAssignableFrom(type) && !type.IsAbstract;

    private static bool IsApi(System.Type type) => type.Namespace is not null && type.Name.EndsWith("Api", StringComparison.Ordinal);

    /// <summary>The name ArchUnitNET gives a type (nested types after a slash).</summary>
    private static string Name(System.Type type) => type.FullName!.Replace('+', '/');

    [Fact]
    public void Pages_call_no_api_class()
    {
        var apis = Web.GetTypes().Where(IsApi).Select(Name).ToHashSet(StringComparer.Ordinal);
        var pages = Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t)).Select(Name).ToHashSet(StringComparer.Ordinal);
        var violations = Code.Types.Where(t => pages.Contains(t.FullName) || pages.Contains(t.FullName.Split('/')[0]))
            .SelectMany(t => t.Dependencies.Select(d => d.Target.FullName).Where(apis.Contains).Select(api => $"{t.FullName} uses {api}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(violations.Count == 0,
            "A page calls an API class (issue 8: one use case, one place): the page handler and the API endpoint "
            + "both call the folder's use-case method instead.\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public void No_type_outside_a_folder_depends_on_its_pages_or_api_classes()
    {
        var violations = new List<string>();
        foreach (var type in Code.Types)
        {
            var from = FolderOf(type);
            if (type.FullName == "Program" || type.FullName.StartsWith("Program/", StringComparison.Ordinal) || type.FullName.StartsWith("Program+", StringComparison.Ordinal))
            {
                continue; // the host maps every API (MapCasesApi) and is the one place allowed to
            }

            foreach (var target in type.Dependencies.Select(d => d.Target).DistinctBy(t => t.FullName))
            {
                var to = FolderOf(target);
                if (to is not null && to != from && SurfacesByFolder.TryGetValue(to, out var surface) && surface.Contains(target.FullName))
                {
                    violations.Add($"{type.FullName} ({from ?? "outside the floors"}) uses {target.FullName}");
                }
            }
        }

        Assert.True(violations.Count == 0,
            "A page model or *Api class is used outside its folder; pages and APIs are nobody's surface: call the "
            + "folder's use-case (Work) class or its entity/DTO instead.\n  " + string.Join("\n  ", violations.Distinct().Order(StringComparer.Ordinal)));
    }

    // ------------------------------------------------------------------ folders and cycles

    /// <summary>"Features.Cases" for Arbetsvagen.Features.Cases.* and for the view Features_Cases_Details; null outside the floors.</summary>
    private static string? FolderOf(IType type) => FolderOf(type.FullName);

    private static string? FolderOf(string fullName)
    {
        string[] parts;
        if (fullName.StartsWith("Arbetsvagen.", StringComparison.Ordinal))
        {
            parts = fullName["Arbetsvagen.".Length..].Split('.', '/', '+');
        }
        else if (fullName.StartsWith(Views + ".", StringComparison.Ordinal))
        {
            parts = fullName[(Views.Length + 1)..].Split('_', '/', '+');
        }
        else
        {
            return null;
        }

        if (parts.Length >= 2 && Folders.Contains($"{parts[0]}.{parts[1]}"))
        {
            return $"{parts[0]}.{parts[1]}";
        }

        return parts[0] is "Infrastructure" or "Core" or "Features" or "Compositions" ? parts[0] : null;
    }

    /// <summary>Fails with every strongly connected group of folders of the floor and the type uses that tie it together.</summary>
    private static void AssertNoCycles(string floor)
    {
        var uses = new Dictionary<(string From, string To), SortedSet<string>>();
        foreach (var type in Code.Types)
        {
            var from = FolderOf(type);
            if (from is null || !from.StartsWith(floor + ".", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var target in type.Dependencies.Select(d => d.Target))
            {
                var to = FolderOf(target);
                if (to is not null && to != from && to.StartsWith(floor + ".", StringComparison.Ordinal))
                {
                    var examples = uses.TryGetValue((from, to), out var set) ? set : uses[(from, to)] = new(StringComparer.Ordinal);
                    examples.Add($"{type.FullName} → {target.FullName}");
                }
            }
        }

        var message = new StringBuilder();
        foreach (var cycle in StronglyConnected(uses.Keys.ToList()).Where(c => c.Count > 1))
        {
            message.AppendLine($"Cycle between {string.Join(", ", cycle.Order(StringComparer.Ordinal))}:");
            foreach (var ((from, to), examples) in uses.Where(u => cycle.Contains(u.Key.From) && cycle.Contains(u.Key.To)).OrderBy(u => u.Key))
            {
                message.AppendLine($"  {from} → {to}: {string.Join("; ", examples.Take(4))}{(examples.Count > 4 ? $" (and {examples.Count - 4} more)" : "")}");
            }
        }

        Assert.True(message.Length == 0,
            $"The {floor} folders depend on each other in a loop; one side must use the other only through a small named "
            + "surface (entity, Work class, DTO), and not both ways.\n" + message);
    }

    /// <summary>Tarjan's algorithm over the folder graph.</summary>
    private static List<HashSet<string>> StronglyConnected(List<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }
}
