using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Template;

namespace Arbetsvagen.Infrastructure.OpenApi;

/// <summary>The API's answers for requests no endpoint handles: as the document states them, ProblemDetails in Swedish.</summary>
public static class ApiAnswers
{
    private static readonly AuthorizeAttribute ApiPolicy = new(Policies.Api);

    // Checked like every API endpoint (bearer token, then 404), so an unknown address tells a stranger nothing.
    private static readonly Endpoint NoSuchAddress = new(
        context => new NotFoundProblem().ExecuteAsync(context), new EndpointMetadataCollection(ApiPolicy), "API: ingen sådan adress");

    public const string UnsupportedMediaTypeTitle = "Fel innehållstyp";
    public const string UnsupportedMediaTypeDetail = "Skicka innehållet som JSON, med Content-Type: application/json.";

    // Routing's own endpoint for a body whose content type no endpoint of the address accepts (AcceptsMatcherPolicy).
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    private static readonly Dictionary<int, (string English, string Title, string Detail)> Statuses = new()
    {
        [StatusCodes.Status401Unauthorized] = ("Unauthorized", "Inloggning krävs",
            "Skicka en giltig token från POST /api/v1/auth/token som Authorization: Bearer <token>."),
        [StatusCodes.Status403Forbidden] = ("Forbidden", "Behörighet saknas", "Din roll eller organisation får inte göra detta."),
        [StatusCodes.Status404NotFound] = ("Not Found", "Hittades inte", "Posten finns inte eller så har du inte behörighet till den."),
        [StatusCodes.Status405MethodNotAllowed] = ("Method Not Allowed", "Metoden stöds inte", "Adressen finns, men inte för den här metoden."),
        [StatusCodes.Status415UnsupportedMediaType] = ("Unsupported Media Type", UnsupportedMediaTypeTitle, UnsupportedMediaTypeDetail),
    };

    /// <summary>
    /// A request under /api that matches no route (an id that is not a GUID, a mistyped address) or only routing's own
    /// 405 endpoint would fall to the pages' fallback policy, whose cookie challenge answers 401 even to a valid bearer
    /// token. Such a request is checked like every API endpoint instead, and then answered 404 (no route) or 405.
    /// A body of a content type the address does not take (routing's own 415 endpoint) is checked like the address's
    /// endpoints: answered 415 to anyone where one of them is anonymous (the token has none yet), else after the token.
    /// Between UseRouting and UseAuthorization.
    /// </summary>
    public static IApplicationBuilder UseApiUnmatchedRoutes(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null)
            {
                context.SetEndpoint(NoSuchAddress);
            }
            else if (endpoint.DisplayName == UnsupportedMediaTypeEndpoint)
            {
                IEnumerable<object> access = AnonymousEndpointAt(context) ? [new AllowAnonymousAttribute()] : [ApiPolicy];
                context.SetEndpoint(new Endpoint(endpoint.RequestDelegate,
                    new EndpointMetadataCollection([.. endpoint.Metadata, .. access]), endpoint.DisplayName));
            }
            else if (endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                context.SetEndpoint(new Endpoint(endpoint.RequestDelegate,
                    new EndpointMetadataCollection([.. endpoint.Metadata, ApiPolicy]), endpoint.DisplayName));
            }
        }

        return next(context);
    });

    /// <summary>Whether an anonymous endpoint's route matches the request's path (checked only for the rare 415).</summary>
    private static bool AnonymousEndpointAt(HttpContext context) =>
        context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Any(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(context.Request.Path, []));

    /// <summary>
    /// Statuses the API answers without a body (the bearer challenge, a disabled account, the 405 of routing) get a
    /// ProblemDetails body, in Swedish, like every other error; pages keep their status page.
    /// </summary>
    public static IApplicationBuilder UseApiStatusProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());

    /// <summary>For AddProblemDetails: replaces the framework's English default title, and only that.</summary>
    public static void InSwedish(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is { } status && Statuses.TryGetValue(status, out var text) && problem.Title == text.English)
        {
            problem.Title = text.Title;
            problem.Detail ??= text.Detail;
        }
    }
}
