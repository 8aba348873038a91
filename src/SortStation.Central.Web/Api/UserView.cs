namespace SortStation.Central.Web.Api;

/// <summary>A user as the API lists it (never the hash).</summary>
public sealed record UserView(string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, DateTimeOffset? LockedUntil);

/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record NewUserRequest(string? Name, string? Role, string? Password);
