using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Xunit;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Arbetsvagen.Tests.SignInProviders;

/// <summary>What the test server does to the identity token it hands out, to see the app refuse it.</summary>
public enum TokenFault
{
    None,
    WrongIssuer,
    WrongAudience,
    Expired,
    BadSignature,
}

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on a Kestrel loopback port, authorization-code
/// flow with PKCE required, one registered client. It approves every authorization request at once for the person the
/// test names (<see cref="NextPerson"/>), as an identity provider would after the person signed in there. On request it
/// spoils the identity token it answers with (<see cref="Fault"/>): another issuer or audience, expired, or signed with
/// a key it never published.
/// </summary>
public sealed class OidcTestServer : IAsyncLifetime
{
    public const string ClientId = "arbetsvagen-test";
    public const string ClientSecret = "test-client-secret-2026";
    /// <summary>The claim the provider carries the HSA-id in (the app is configured to read this one).</summary>
    public const string HsaIdClaim = "employeeHsaId";

    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = "oidc-test-key" };
    private WebApplication? app;

    public string Issuer { get; private set; } = "";

    /// <summary>The HSA-id and e-mail of whoever "signs in" at the provider next.</summary>
    public (string Subject, string HsaId, string Email) NextPerson { get; set; } = ("sub-0", "SE0000000000-0000", "ingen@example.se");

    public TokenFault Fault { get; set; }

    /// <summary>Authorization requests the server answered, to show the app really went through it.</summary>
    public int Authorizations { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        Issuer = $"http://127.0.0.1:{port}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetIssuer(new Uri(Issuer));
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.Email);
            o.AddSigningKey(signingKey);
            o.AddEphemeralEncryptionKey();
            o.DisableAccessTokenEncryption();
            // No application store: the one client is checked by the handlers below.
            o.EnableDegradedMode();
            o.UseAspNetCore().DisableTransportSecurityRequirement();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(ValidateAuthorization));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(ValidateToken));
            o.AddEventHandler<HandleAuthorizationRequestContext>(b => b.UseInlineHandler(Approve));
            o.AddEventHandler<ApplyTokenResponseContext>(b => b.UseInlineHandler(Spoil).SetOrder(int.MinValue));
        });
        app = builder.Build();
        app.UseAuthentication();
        await app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private ValueTask ValidateAuthorization(ValidateAuthorizationRequestContext context)
    {
        if (context.ClientId != ClientId)
        {
            context.Reject(Errors.InvalidClient, "Okänd klient.");
        }
        else if (context.RedirectUri is not { } uri || !uri.StartsWith("http://localhost/signin-oidc/", StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "Otillåten återkomstadress.");
        }

        return default;
    }

    private ValueTask ValidateToken(ValidateTokenRequestContext context)
    {
        if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
        {
            context.Reject(Errors.InvalidClient, "Fel klient eller klienthemlighet.");
        }

        return default;
    }

    private ValueTask Approve(HandleAuthorizationRequestContext context)
    {
        Authorizations++;
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, NextPerson.Subject)
            .SetClaim(HsaIdClaim, NextPerson.HsaId)
            .SetClaim(Claims.Email, NextPerson.Email);
        identity.SetScopes(context.Request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        return default;
    }

    /// <summary>Replaces the identity token with one that differs in the one way the test asks for (the rest, nonce included, kept).</summary>
    private ValueTask Spoil(ApplyTokenResponseContext context)
    {
        if (Fault == TokenFault.None || context.Response.IdToken is not { } idToken)
        {
            return default;
        }

        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(new JsonWebToken(idToken).EncodedPayload))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var key = signingKey;
        switch (Fault)
        {
            case TokenFault.WrongIssuer:
                payload["iss"] = "http://127.0.0.1:1/en-annan-utfardare/";
                break;
            case TokenFault.WrongAudience:
                payload["aud"] = "en-annan-klient";
                break;
            case TokenFault.Expired:
                payload["iat"] = now - 3600;
                payload["nbf"] = now - 3600;
                payload["exp"] = now - 1800;
                break;
            case TokenFault.BadSignature:
                key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = signingKey.KeyId };
                break;
        }

        context.Response.IdToken = new JsonWebTokenHandler().CreateToken(payload.ToJsonString(),
            new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return default;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
