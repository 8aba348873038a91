using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SortStation.Central.Accounts;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Auth;

/// <summary>
/// Users and their passwords: ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2), lock-out after
/// Web:LockoutFailures consecutive wrong passwords for Web:LockoutMinutes. Used by the console and by
/// <c>sortstation-central users</c>.
/// </summary>
public sealed class AccountService(IAccountStore store, IOptions<WebOptions> options, TimeProvider time)
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified when the name is unknown, so an unknown name takes as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public IAccountStore Store => store;

    /// <summary>Null when the password is acceptable, else why not.</summary>
    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < MinPasswordLength ? $"a password has at least {MinPasswordLength} characters"
        : password.Length > MaxPasswordLength ? $"a password has at most {MaxPasswordLength} characters"
        : null;

    /// <summary>Adds the user; returns null, or why not (name, password, or the name is taken).</summary>
    public async Task<string?> AddUserAsync(string name, ConsoleRole role, string password, CancellationToken cancellationToken)
    {
        if (!AccountName.IsValid(name))
        {
            return AccountName.Rule;
        }

        if (PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        var user = new UserAccount(name, role, Hasher.HashPassword(null!, password), NewStamp(), time.GetUtcNow(), 0, null, null);
        return await store.AddUserAsync(user, cancellationToken) ? null : $"a user named {name} exists already";
    }

    /// <summary>Sets a new password (ends the user's sessions, clears a lock-out); returns null, or why not.</summary>
    public async Task<string?> SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        if (PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        return await store.SetPasswordAsync(name, Hasher.HashPassword(null!, password), NewStamp(), cancellationToken) ? null : $"there is no user named {name}";
    }

    public async Task<SignInResult> SignInAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        var user = AccountName.IsValid(name) ? await store.FindUserAsync(name!, cancellationToken) : null;
        if (user is null || string.IsNullOrEmpty(password))
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? string.Empty);
            return SignInResult.Invalid;
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, until);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var o = options.Value;
            var lockUntil = user.FailedLogins + 1 >= o.LockoutFailures ? now.AddMinutes(o.LockoutMinutes) : (DateTimeOffset?)null;
            await store.RecordFailureAsync(user.Name, lockUntil, cancellationToken);
            return lockUntil is null ? SignInResult.Invalid : new SignInResult(SignInOutcome.LockedOut, null, lockUntil);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordAsync(user.Name, Hasher.HashPassword(user, password), user.SecurityStamp, cancellationToken);
        }

        await store.RecordSuccessAsync(user.Name, now, cancellationToken);
        return new SignInResult(SignInOutcome.Success, user, null);
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
