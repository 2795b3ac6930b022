using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace QualCoder.Server.Features.Accounts;

public static class SignOut
{
    internal static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        })
        .AllowAnonymous()
        .WithName("SignOut")
        .WithSummary("Ends the browser session (clears the cookie).")
        .Produces(StatusCodes.Status204NoContent);
}
