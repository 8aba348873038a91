using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Auth;

/// <summary>What a sign-in attempt came to. The page says "wrong name or password" for both unknown user and wrong password.</summary>
public sealed record SignInResult(SignInOutcome Outcome, UserAccount? User, DateTimeOffset? LockedUntil)
{
    public static SignInResult Invalid { get; } = new(SignInOutcome.Invalid, null, null);
}

public enum SignInOutcome
{
    Success,
    Invalid,
    LockedOut,
}
