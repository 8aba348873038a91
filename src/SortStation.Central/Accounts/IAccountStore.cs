namespace SortStation.Central.Accounts;

/// <summary>The <c>users</c> and <c>api_keys</c> tables of the central database.</summary>
public interface IAccountStore
{
    Task<long> CountUsersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken);

    Task<UserAccount?> FindUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>False when a user of that name exists already.</summary>
    Task<bool> AddUserAsync(UserAccount user, CancellationToken cancellationToken);

    Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>New hash and stamp (every session ends); clears the failures and the lock-out.</summary>
    Task<bool> SetPasswordAsync(string name, string passwordHash, string securityStamp, CancellationToken cancellationToken);

    /// <summary>Counts a failed sign-in; locks the account until <paramref name="lockUntil"/> when it is given.</summary>
    Task RecordFailureAsync(string name, DateTimeOffset? lockUntil, CancellationToken cancellationToken);

    Task RecordSuccessAsync(string name, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyAccount>> ListApiKeysAsync(CancellationToken cancellationToken);

    Task<ApiKeyAccount?> FindApiKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>False when a key of that name exists already.</summary>
    Task<bool> AddApiKeyAsync(ApiKeyAccount key, CancellationToken cancellationToken);

    Task<bool> RemoveApiKeyAsync(string name, CancellationToken cancellationToken);

    Task TouchApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken);
}
