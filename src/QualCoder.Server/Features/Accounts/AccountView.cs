namespace QualCoder.Server.Features.Accounts;

/// <summary>An account as its owner sees it; never the password hash or token hashes.</summary>
public sealed record AccountView(Guid Id, string Email, string DisplayName, bool IsServerAdmin, DateTimeOffset RegisteredAt)
{
    public static AccountView Of(Account account) =>
        new(account.Id, account.Email, account.DisplayName, account.IsServerAdmin, account.RegisteredAt);
}
