using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Accounts;

public sealed record SignInRequest(string Email, string Password);

/// <summary>
/// A hash no password matches, checked when the email is unknown, so that an unknown email costs the same time as
/// a wrong password and timing cannot tell which emails have accounts.
/// </summary>
public sealed class UnknownAccountPassword(IPasswordHasher<Account> hasher)
{
    public string Hash { get; } = hasher.HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
}

/// <summary>Browser sign-in: checks the password and issues the session cookie. Changes nothing, so records no event.</summary>
public static class SignIn
{
    internal static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/sign-in", async (SignInRequest body, HttpContext http, IQuerySession session, IPasswordHasher<Account> hasher, UnknownAccountPassword unknown, CancellationToken ct) =>
        {
            var email = RegisterAccountHandler.NormaliseEmail(body.Email);
            var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, ct);
            var verified = hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? unknown.Hash, body.Password ?? "");
            if (account is null || verified == PasswordVerificationResult.Failed)
            {
                return ProblemResponses.Problem(
                    StatusCodes.Status401Unauthorized, "SIGN_IN_FAILED/INVALID_CREDENTIALS", "The email or the password is wrong.");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CallerActor.PrincipalFor(account, CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.Ok(AccountView.Of(account));
        })
        .AllowAnonymous()
        .WithName("SignIn")
        .WithSummary("Signs in with email and password and sets the session cookie.")
        .Produces<AccountView>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
