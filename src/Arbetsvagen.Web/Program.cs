using Arbetsvagen.Infrastructure.Demo;
using System.Text.Json;
using System.Text.Json.Serialization;
using Arbetsvagen.Features.AccessLog;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Account;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Compositions.EmployerLinks;
using Arbetsvagen.Compositions.GovernanceLinks;
using Arbetsvagen.Features.Governance;
using Arbetsvagen.Compositions.Home;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Notifications;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Kaa;
using Arbetsvagen.Features.Matching;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Features.RegionalReport;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Features.Retention;
using Arbetsvagen.Features.Users;
using Arbetsvagen.Features.SignInProviders;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.OpenApi;
using Arbetsvagen.Compositions.Hosting;
using Arbetsvagen.Compositions.PublicSite;
using Arbetsvagen.Compositions.SubjectAccess;
using Arbetsvagen.Compositions.Demo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Arbetsvagen.Core.AccessLog;

if (await Commands.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(AppFiles.Options(args));
AppFiles.ServeBuildAssets(builder);
var demo = builder.Configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
if (demo.Enabled && builder.Environment.IsProduction())
{
    throw new InvalidOperationException(
        "Demoläget (Demo__Enabled=true) skapar demoanvändare med känt lösenord och får inte användas när ASPNETCORE_ENVIRONMENT=Production.");
}

TransportSecurity.RefuseProductionWithoutHttps(builder.Configuration, builder.Environment);

builder.Services.AddSingleton(demo);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddMemoryCache();
builder.Services.AddDataProtection().SetApplicationName("Arbetsvagen")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"] ?? "data/keys"));
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<AccessLogger>();
builder.Services.AddScoped<ParticipantAccess>();
builder.Services.AddScoped<ParticipantChanges>();
builder.Services.AddScoped<ParticipantList>();
builder.Services.AddScoped<OrganisationWork>();
builder.Services.AddScoped<ConsentChanges>();
builder.Services.AddScoped<CaseWork>();
builder.Services.AddScoped<ReferralWork>();
builder.Services.AddScoped<MappingWork>();
builder.Services.AddScoped<ActionPlanWork>();
builder.Services.AddScoped<PlacementWork>();
builder.Services.AddScoped<WorkList>();
builder.Services.AddScoped<AttendanceWork>();
builder.Services.AddScoped<JobTrackWork>();
builder.Services.AddScoped<JobTrackJoining>();
builder.Services.AddScoped<IActivityBookings, PlanBookings>();
builder.Services.AddScoped<UserAdministration>();
builder.Services.AddScoped<AccessLogReview>();
builder.Services.AddScoped<NotificationInbox>();
builder.Services.AddScoped<RegionFigures>();
builder.Services.AddScoped<Dashboards>();
builder.Services.AddScoped<EmployerWork>();
builder.Services.AddScoped<IRegisterUses, RegisterUses>();
builder.Services.AddScoped<GovernanceWork>();
builder.Services.AddScoped<YearWork>();
builder.Services.AddScoped<ExampleWork>();
builder.Services.AddScoped<ITrackDecisions, TrackDecisions>();
builder.Services.AddScoped<PublicNeedIntake>();
builder.Services.AddScoped<JobAdWork>();
builder.Services.AddScoped<JobAdImporter>();
builder.Services.AddSingleton<JobAdFiles>();
builder.Services.AddSingleton<JobAdImportRunner>();
builder.Services.AddHostedService(services => services.GetRequiredService<JobAdImportRunner>());
builder.Services.AddMatching();
builder.Services.AddScoped<RecruitmentNeeds>();
builder.Services.AddScoped<TargetGroupWork>();
builder.Services.AddRegisterChanges();
builder.Services.AddHostedService<RegisterSnapshots>();
builder.Services.AddScoped<RegionalReportBuilder>();
builder.Services.AddScoped<RegionalReportWork>();
builder.Services.AddSingleton<RegionalReportRunner>();
builder.Services.AddHostedService(services => services.GetRequiredService<RegionalReportRunner>());
builder.Services.AddScoped<FollowUpWork>();
builder.Services.AddScoped<SubjectAccessExport>();
builder.Services.AddScoped<KaaWork>();
builder.Services.AddScoped<RetentionWork>();
builder.Services.AddScoped<RetentionExecutor>();
builder.Services.AddSingleton<RetentionRunner>();
builder.Services.AddHostedService(services => services.GetRequiredService<RetentionRunner>());
builder.Services.AddRequestLimits();
builder.Services.AddPublicFormLimits(builder.Configuration);
builder.Services.AddSignInLimits(builder.Configuration);
builder.Services.AddPublicOpportunities();
builder.Services.AddScoped<IUnreadNotifications, UnreadNotifications>();
builder.Services.AddSingleton<UserStatusCache>();

builder.Services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
    {
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
builder.Services.AddAuthentication()
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
builder.Services.AddFederatedSignIn();
builder.Services.AddPersonalApiTokens();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.ExpireTimeSpan = TimeSpan.FromMinutes(demo.IdleTimeoutMinutes);
    o.SlidingExpiration = true;
    o.Cookie.Name = "arbetsvagen";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
});
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(30));
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
    .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator));

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiAnswers.InSwedish);
// Malformed request bodies reach ProblemExceptionHandler, which answers with the field in Swedish.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
});
builder.Services.AddApiDocument(o =>
{
    var tags = o.TagDescriptions;
    tags["Inloggning"] = "Token för API:t och den inloggade användaren.";
    tags["Organisationer"] = "Organisationer och enheter i samverkan, med deras sekretessgränser.";
    tags["Deltagare"] = "Deltagare inom din sekretessgräns och de som delats med samtycke.";
    tags["Samtycken"] = "Samtycken till att dela uppgifter över sekretessgränsen; de ändras inte, de återkallas.";
    tags["Ärenden"] = "Ärenden: öppna, skriva in, starta, avsluta och följa upp.";
    tags["Journal"] = "Journalanteckningar: utkast, signering och rättelser; signerade anteckningar ändras inte.";
    tags["Remisser"] = "Remisser mellan organisationer, svar, återrapporter och möten.";
    tags["Kartläggning"] = "Kartläggning, gemensamma ställningstaganden och bedömningar av arbetsförmåga.";
    tags["Handlingsplaner"] = "Handlingsplaner och deras versioner.";
    tags["Aktiviteter och närvaro"] = "Aktiviteter, deltagarnas närvaro och sammanställningar.";
    tags["Mina ärenden"] = "Arbetslistan: det som väntar på dig och din enhet.";
    tags["Notiser"] = "Notiser till dig.";
    tags["Loggkontroll"] = "Loggen över läsningar och ändringar, för administratörer.";
    tags["Användare"] = "Användarkonton, för administratörer.";
    tags[SignInProvidersApi.Tag] = "Organisationernas identitetsleverantörer (OpenID Connect) för inloggning, för administratörer.";
    tags["Arbetsgivare"] = "Arbetsgivarregistret: arbetsgivare, arbetsställen, kontaktpersoner, kontaktlogg och kompetensbehov, delat i samverkan.";
    tags["Praktikplatser"] = "Praktikplatser och andra arbetsplatsförlagda insatser: perioder, kravprofil, bokningar och beläggning.";
    tags["Platsannonser"] = "Platsannonser i JobSearch-format: import i bakgrunden med förlopp och felrapport, annonslista och rekryteringsbehov per kommun och yrkesområde.";
    tags["Öppna uppgifter"] = "Det som vem som helst får läsa utan inloggning: lediga platser och jobbspår, utan personuppgifter.";
    tags["Referensdata"] = "Referensdata: yrken, yrkesgrupper (SSYK) och kompetenser ur JobTechs taxonomi att söka bland.";
    tags["Statistik"] = "Statistik i antal, aldrig personer: rekryteringsbehov ur platsannonser mot utbudet i registret.";
    tags["Regionala rapporter"] = "Läget i länet: rapport per samverkan och period, framtagen i bakgrunden, med kommentarer, publicering (fryst) och filer som pdf, xlsx, csv och json.";
    tags["Matchning"] = "Matchning av deltagare mot jobbspår, praktikplatser och platsannonser, med förklaring per kriterium, och samverkans vikter.";
    tags["Samverkan"] = "Samverkans styrning: överenskommelser, grupper, möten och beslut, fokusområden och prioritering, aktivitetslista, årshjul och goda exempel.";
    tags["Kommunala aktivitetsansvaret"] = "KAA: registret över unga 16–19 år utanför gymnasieskolan, import av skolsituationen, uppsökande kontakter, åtgärder, statistik och fil till SCB. Hålls åtskilt från socialtjänstens uppgifter.";
    tags["Gallring"] = "Gallring: regler per posttyp, förhandsvisning, godkännande och körning i omgångar, bevarandebeslut. För administratörer.";
    tags["Jobbspår"] = "Lokala jobbspår: steg, kompetensteam, beslut, kravprofil, kandidater, resultat och interkommunal ersättning.";
});
// Pages sit in their floor's folder; FloorRoutes keeps the floor out of their addresses.
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/";
    o.Conventions.Add(new FloorRoutes());
});
builder.Services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(o =>
    o.PageViewLocationFormats.Add("/Infrastructure/Ui/{0}" + Microsoft.AspNetCore.Mvc.Razor.RazorViewEngine.ViewExtension));

builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddTransportSecurity();
builder.Services.AddOperations();
StartupWarmup.Add(builder.Services, builder.Configuration);

var app = builder.Build();

await Startup.PrepareDatabaseAsync(app.Services, demo, app.Configuration, app.Environment);

// The security headers go on every answer, also those of the exception handler and the status pages.
app.UseSecurityHeaders();
// Before everything that uses the client's address or scheme (Secure cookies, HSTS, the rate limits, the access log),
// so that it sees the client behind a trusted proxy.
app.UseForwardedHeaders();
if (app.Environment.IsProduction())
{
    app.UseHsts();
}

app.UseCookiePolicy();
app.UseExceptionHandler();
app.UseApiStatusProblems();
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
    ui => ui.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
app.UseStaticFiles();
app.UseRouting();
app.UseApiUnmatchedRoutes();
app.UseAuthentication();
app.UseMiddleware<UserStatusMiddleware>();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();
app.UseAntiforgery();

app.MapOperations();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();

var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).DisableAntiforgery();
app.MapGroup("/api/v1").AllowAnonymous().DisableAntiforgery().MapAuthApi();
app.MapGroup("/api/v1").AllowAnonymous().DisableAntiforgery().MapPublicOpportunitiesApi();
api.MapMeApi();
api.MapPersonalApiTokensApi();
api.MapOrganisationsApi();
api.MapParticipantsApi();
api.MapConsentsApi();
api.MapCasesApi();
api.MapReferralsApi();
api.MapMappingsApi();
api.MapActionPlansApi();
api.MapWorkListApi();
api.MapNotificationsApi();
api.MapAttendanceApi();
api.MapAccessLogApi();
api.MapUsersApi();
api.MapSignInProvidersApi();
api.MapEmployersApi();
api.MapOccupationsApi();
api.MapJobTracksApi();
app.MapOccupationSearchForPages();
api.MapRequirementsApi();
api.MapPlacementsApi();
api.MapJobAdsApi();
api.MapMatchingApi();
api.MapStatisticsApi();
api.MapRegionalReportsApi();
api.MapFollowUpApi();
api.MapGovernanceApi();
api.MapSubjectAccessApi();
api.MapKaaApi();
api.MapRetentionApi();
app.MapRequirementSearchForPages();

app.MapRazorPages();
app.Lifetime.ApplicationStarted.Register(() => Startup.PrintWelcome(app, demo));

await app.RunAsync();

// The API answers with status codes, never with a redirect to the login page.
static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
    }
    else
    {
        context.Response.Redirect(context.RedirectUri);
    }

    return Task.CompletedTask;
}

public partial class Program;
