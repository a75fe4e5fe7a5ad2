using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Compositions.Home;

public class WorkListModel(WorkList workList, CurrentUser user) : PageModel
{
    public bool IsCaseworker => user.IsCaseworker;
    public bool IsAdministrator => user.IsAdministrator;
    public WorkListResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Result = await workList.LoadAsync(ct);
}
