using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace QualCoder.Server.Features.Accounts;

/// <summary>Accounts, sign-in and personal access tokens: who is calling.</summary>
public static class AccountsModule
{
    private const string CookieOrToken = "CookieOrToken";

    public static void ConfigureAccounts(this Marten.StoreOptions store)
    {
        store.Projections.Snapshot<Account>(SnapshotLifecycle.Inline);
        store.Schema.For<Account>()
            .UniqueIndex(UniqueIndexType.Computed, a => a.Email)
            .GinIndexJsonData();
        store.Schema.For<ServerAdministratorClaim>();
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegistrationOptions>(configuration.GetSection(RegistrationOptions.Section));
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<UnknownAccountPassword>();

        services
            .AddAuthentication(CookieOrToken)
            .AddPolicyScheme(CookieOrToken, "Cookie or access token", options =>
                options.ForwardDefaultSelector = http => AccessTokenAuthentication.Carries(http.Request)
                    ? AccessTokenAuthentication.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
            .AddCookie(options =>
            {
                options.Cookie.Name = "qualcoder.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                // An API answers with a status, not a redirect to a login page.
                options.Events.OnRedirectToLogin = context => AccessTokenAuthentication.WriteProblem(
                    context.Response, StatusCodes.Status401Unauthorized, "AUTH/UNAUTHENTICATED",
                    "Sign in, or send a valid personal access token as 'Authorization: Bearer <token>'.");
                options.Events.OnRedirectToAccessDenied = context => AccessTokenAuthentication.WriteProblem(
                    context.Response, StatusCodes.Status403Forbidden, "AUTH/FORBIDDEN", "Your account may not do this.");
            });

        // Every endpoint needs a signed-in caller unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        RegisterAccountHandler.Map(app);

        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        SignIn.Map(auth);
        SignOut.Map(auth);
        GetCurrentAccount.Map(auth);

        var tokens = app.MapGroup("/api/account/tokens").WithTags("Access tokens");
        CreateAccessTokenHandler.Map(tokens);
        ListAccessTokens.Map(tokens);
        RevokeAccessTokenHandler.Map(tokens);
        return app;
    }
}
