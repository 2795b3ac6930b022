using System.Net.Mail;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Accounts;

public sealed record RegisterAccount(Guid AccountId, string Email, string DisplayName, string Password);

public sealed record RegisterAccountRequest(string Email, string DisplayName, string Password);

/// <summary>What registration must know about the server, read before deciding.</summary>
public sealed record RegistrationState(bool EmailTaken, bool IsFirstAccount, bool RegistrationOpen);

/// <summary>
/// One row that only the first account can write: two registrations racing on an empty server cannot both become
/// administrator. The second insert fails, Wolverine runs that registration again, and it then finds an account
/// already there: it becomes an ordinary account (or is refused, when registration is closed).
/// </summary>
public sealed record ServerAdministratorClaim(string Id, Guid AccountId)
{
    public const string OnlyId = "first-account";
}

public static class RegisterAccountHandler
{
    private const string Refused = "ACCOUNT_NOT_REGISTERED";
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;
    public const int MaxEmailLength = 254;

    public static string NormaliseEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static Decision Decide(RegisterAccount command, RegistrationState state, Func<string, string> hashPassword, DateTimeOffset now)
    {
        if (!state.RegistrationOpen && !state.IsFirstAccount)
        {
            return DomainError.Forbidden($"{Refused}/REGISTRATION_CLOSED", "This server does not accept new registrations. Ask its administrator for an account.");
        }

        var email = NormaliseEmail(command.Email);
        if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            return DomainError.Invalid($"{Refused}/INVALID_EMAIL", "Give a valid email address, such as name@example.org.");
        }

        if (Names.Check(command.DisplayName, 100, Refused, "display name", out var displayName) is { } badName)
        {
            return badName;
        }

        var password = command.Password ?? "";
        if (password.Length < MinPasswordLength || password.Length > MaxPasswordLength || string.IsNullOrWhiteSpace(password)
            || string.Equals(password, email, StringComparison.OrdinalIgnoreCase))
        {
            return DomainError.Invalid(
                $"{Refused}/WEAK_PASSWORD",
                $"Choose a password of {MinPasswordLength} to {MaxPasswordLength} characters that is not your email address.");
        }

        if (state.EmailTaken)
        {
            return DomainError.Conflict($"{Refused}/DUPLICATE_EMAIL", "An account with this email already exists. Sign in instead.");
        }

        var actor = new Actor(command.AccountId);
        return Decision.Accept(new AccountRegistered(
            command.AccountId, email, displayName, hashPassword(password), state.IsFirstAccount, actor, now));
    }

    public static async Task<CommandOutcome> Handle(
        RegisterAccount command,
        IDocumentSession session,
        IPasswordHasher<Account> hasher,
        IOptions<RegistrationOptions> registration,
        TimeProvider clock,
        CancellationToken ct)
    {
        var email = NormaliseEmail(command.Email);
        var state = new RegistrationState(
            EmailTaken: await session.Query<Account>().AnyAsync(a => a.Email == email, ct),
            IsFirstAccount: !await session.Query<Account>().AnyAsync(ct),
            RegistrationOpen: registration.Value.Open);

        var decision = Decide(command, state, password => hasher.HashPassword(null!, password), clock.GetUtcNow());
        if (decision.Error is { } error)
        {
            return CommandOutcome.Rejected(error);
        }

        session.Events.StartStream<Account>(command.AccountId, decision.Events.ToArray());
        if (state.IsFirstAccount)
        {
            session.Insert(new ServerAdministratorClaim(ServerAdministratorClaim.OnlyId, command.AccountId));
        }

        return CommandOutcome.Accepted(decision.Events.Count);
    }

    internal static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/api/accounts", async (RegisterAccountRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var command = new RegisterAccount(Guid.CreateVersion7(), body.Email, body.DisplayName, body.Password);
            var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
            if (outcome.Error is { } error)
            {
                return error.ToProblem();
            }

            var account = await session.LoadAsync<Account>(command.AccountId, ct);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CallerActor.PrincipalFor(account!, CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.Created("/api/auth/me", AccountView.Of(account!));
        })
        .AllowAnonymous()
        .WithTags("Accounts")
        .WithName("RegisterAccount")
        .WithSummary("Registers an account and signs it in. The first account on a new server becomes its administrator.")
        .Produces<AccountView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
