using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace Arbetsvagen.Infrastructure.OpenApi;

/// <summary>What the API document says about itself: its tags' descriptions (the features' tags, named by the host).</summary>
public sealed class ApiDocumentOptions
{
    public Dictionary<string, string> TagDescriptions { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The OpenAPI document /openapi/v1.json: who may call what (bearer token, 401/403), an operationId on every operation,
/// a relative server and a Swedish introduction. The endpoints state their own summaries and responses.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "ProblemDetails";

    public static IServiceCollection AddApiDocument(this IServiceCollection services, Action<ApiDocumentOptions> configure)
    {
        services.Configure(configure);
        return services.AddOpenApi(Name, o =>
        {
            o.AddDocumentTransformer<DocumentTransformer>();
            o.AddOperationTransformer<OperationTransformer>();
        });
    }

    /// <summary>
    /// A stable, unique camelCase id from the method and the route: GET /api/v1/participants/{id}/consents →
    /// getParticipantsByIdConsents. The version prefix is left out: it is the same for every operation.
    /// </summary>
    public static string OperationId(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1"))
        {
            if (segment.StartsWith('{'))
            {
                var name = segment.Trim('{', '}').Split(':', '=', '?')[0];
                id.Append("By").Append(Pascal(name));
            }
            else
            {
                foreach (var word in segment.Split('-', '_', '.'))
                {
                    id.Append(Pascal(word));
                }
            }
        }

        return id.ToString();
    }

    private static string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private sealed class DocumentTransformer(Microsoft.Extensions.Options.IOptions<ApiDocumentOptions> options) : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Arbetsvägen API",
                Version = Name,
                Description = """
                    Arbetsvägens JSON-API för samverkan kring stöd till arbete: deltagare, samtycken, ärenden och journal,
                    remisser, kartläggning, handlingsplaner, aktiviteter och närvaro.

                    Hämta en bearer-token med `POST /api/v1/auth/token` och skicka den som `Authorization: Bearer <token>`.
                    Alla andra anrop kräver token. Sekretessgränser och samtycken gäller som i webbgränssnittet: en post
                    du inte får se besvaras med 404, precis som en post som inte finns. Fel besvaras som ProblemDetails
                    (RFC 9457) med svenska texter; valideringsfel anger fältet.
                    """,
            };

            // Relative: the document is served by the API itself, so clients call the host they read it from.
            document.Servers = [new OpenApiServer { Url = "/" }];

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Token från POST /api/v1/auth/token (giltig en timme). Webbsidornas inloggningscookie gäller inte i API:t.",
            };

            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                if (tag.Name is { } name && options.Value.TagDescriptions.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }

            return Task.CompletedTask;
        }
    }

    private sealed class OperationTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
    {
        public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var description = context.Description;
            var route = description.ActionDescriptor.AttributeRouteInfo?.Template ?? description.RelativePath ?? "";
            operation.OperationId ??= OperationId(description.HttpMethod ?? "get", route);
            AddMissingPathParameters(operation, route);

            var metadata = description.ActionDescriptor.EndpointMetadata;
            operation.Responses ??= [];
            if (operation.RequestBody is not null)
            {
                operation.Responses.TryAdd("415", Problem(ApiAnswers.UnsupportedMediaTypeDetail, await ProblemReferenceAsync(context, cancellationToken)));
            }

            if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
            {
                operation.Responses.TryAdd("429", Problem("För många försök från din adress: vänta så många sekunder som Retry-After säger.",
                    await ProblemReferenceAsync(context, cancellationToken)));
            }

            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
                return;
            }

            var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>())
                ?? await policies.GetFallbackPolicyAsync();
            if (policy is null)
            {
                operation.Security = [];
                return;
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            var problem = await ProblemReferenceAsync(context, cancellationToken);
            operation.Responses.TryAdd("401", Problem("Inte inloggad: token saknas, är ogiltig eller har gått ut, eller kontot är avstängt.", problem));
            // A policy that asks for more than a signed-in user (a role, say) refuses the others with 403.
            if (policy.Requirements.Any(r => r is not DenyAnonymousAuthorizationRequirement))
            {
                operation.Responses.TryAdd("403", Problem("Din roll får inte göra detta.", problem));
            }
        }

        private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };

        private static async Task<IOpenApiSchema> ProblemReferenceAsync(OpenApiOperationTransformerContext context, CancellationToken ct)
        {
            var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
            if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
            {
                document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
            }

            return new OpenApiSchemaReference(ProblemSchema, document);
        }

        /// <summary>
        /// An endpoint that does not bind its route's parameter (the refused methods, say) still has it in its path;
        /// the document must name it, or the path is not valid OpenAPI.
        /// </summary>
        private static void AddMissingPathParameters(OpenApiOperation operation, string route)
        {
            foreach (var parameter in RoutePatternFactory.Parse(route).Parameters)
            {
                if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path && p.Name == parameter.Name) == true)
                {
                    continue;
                }

                var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
                var isInt = parameter.ParameterPolicies.Any(p => p.Content is "int" or "long");
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema
                    {
                        Type = isInt ? JsonSchemaType.Integer : JsonSchemaType.String,
                        Format = isGuid ? "uuid" : isInt ? "int32" : null,
                    },
                });
            }
        }
    }
}
