using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Pages live in the folder of their floor (Core/, Features/, Compositions/), but their addresses do not say
/// which floor: "Core/Participants/Edit/{id}" is served at "/Participants/Edit/{id}". A page whose route starts
/// with "/" keeps it as written.
/// </summary>
public sealed class FloorRoutes : IPageRouteModelConvention
{
    public static readonly string[] Floors = ["Core", "Features", "Compositions", "Infrastructure/Ui"];

    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template;
            if (template is null)
            {
                continue;
            }

            foreach (var floor in Floors)
            {
                if (template.Equals(floor, StringComparison.OrdinalIgnoreCase))
                {
                    selector.AttributeRouteModel!.Template = "";
                    break;
                }

                if (template.StartsWith(floor + "/", StringComparison.OrdinalIgnoreCase))
                {
                    selector.AttributeRouteModel!.Template = template[(floor.Length + 1)..];
                    break;
                }
            }
        }
    }
}
