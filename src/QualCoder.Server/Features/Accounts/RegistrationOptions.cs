namespace QualCoder.Server.Features.Accounts;

/// <summary>Configuration section QualCoder:Registration.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "QualCoder:Registration";

    /// <summary>When false, nobody may register except the very first account (the server administrator).</summary>
    public bool Open { get; set; } = true;
}
