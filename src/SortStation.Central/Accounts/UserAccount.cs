namespace SortStation.Central.Accounts;

/// <summary>A console user as stored (<c>users</c> table). The hash is ASP.NET Core PasswordHasher output.</summary>
public sealed record UserAccount(
    string Name,
    ConsoleRole Role,
    string PasswordHash,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? LastLoginAt);

/// <summary>An API key as stored (<c>api_keys</c>): only the SHA-256 of its secret.</summary>
public sealed record ApiKeyAccount(string KeyId, string Name, ConsoleRole Role, string SecretSha256, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
