using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Governance;

/// <summary>The good-examples library: search by any words, and a form for a new example.</summary>
public class ExamplesModel(GovernanceWork work, ExampleWork examples, AppDbContext db) : ActionPage(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public ExampleInput Example { get; set; } = new();

    public Collaboration? Collaboration { get; private set; }
    public List<ExampleSummary> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, CancellationToken ct) =>
        await ReloadAsync(collaborationId ?? Guid.Empty, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid collaborationId, CancellationToken ct)
    {
        Example.CollaborationId = collaborationId;
        var outcome = await examples.CreateAsync(Example, ct);
        if (outcome.Value is { } created)
        {
            TempData["Message"] = "Exemplet är infört.";
            return Redirect($"/Governance/Example/{created.Id}");
        }

        return await Answer(collaborationId, outcome, "", "Example", ct);
    }

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        Collaboration = await work.CollaborationAsync(id == Guid.Empty ? null : id, ct);
        if (Collaboration is null)
        {
            return false;
        }

        Found = await examples.SearchAsync(Collaboration.Id, Q, ct);
        return true;
    }

    protected override string PathFor(Guid id) => $"/Governance/Examples?collaborationId={id}";
}
