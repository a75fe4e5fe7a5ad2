using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Features.Employers;

/// <summary>The choices the register's forms offer.</summary>
public static class EmployerOptions
{
    public static List<SelectListItem> Municipalities(string? selected, IEnumerable<Municipality>? among = null) =>
        [new("Välj kommun …", ""), .. (among ?? ReferenceData.Instance.MunicipalitiesByName).Select(m => new SelectListItem(m.Name, m.Code, m.Code == selected))];

    public static List<SelectListItem> SniGroups(string? selected) =>
        [new("Välj bransch …", ""), .. Sni.NamedGroups.Select(g => new SelectListItem($"{g.Code} {g.Name} ({g.Section.Letter})", g.Code, g.Code == selected))];

    public static List<SelectListItem> Enum<T>(string? selected, string? empty = null) where T : struct, System.Enum
    {
        var items = Ui.Options<T>(selected);
        if (empty is not null)
        {
            items.Insert(0, new SelectListItem(empty, ""));
        }

        return items;
    }
}
