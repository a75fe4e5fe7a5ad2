using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Governance;

/// <summary>One good example with its attachments, and a form to attach a file (type and size checked).</summary>
public class ExampleModel(ExampleWork examples, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public IFormFile? Upload { get; set; }

    public GoodExample? Example { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ReloadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct) =>
        (await examples.DownloadAsync(id, attachmentId, ct)).Value is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await examples.AttachAsync(id, Upload, ct), "Filen är bifogad.", "", ct);

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        Example = (await examples.ReadAsync(id, ct)).Value;
        return Example is not null;
    }

    protected override string PathFor(Guid id) => $"/Governance/Example/{id}";
}
