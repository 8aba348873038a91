using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SortStation.Central.Accounts;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Pages;

/// <summary>Admins manage users and API keys (the same as <c>sortstation-central users</c> / <c>apikeys</c>).</summary>
[Authorize(Policy = ConsolePolicies.Admin)]
public sealed class UsersModel(AccountService accounts, TimeProvider time) : PageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public IReadOnlyList<ApiKeyAccount> Keys { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    /// <summary>A key just created: shown once, never stored in clear.</summary>
    public string? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddUserAsync(string? name, string? role, string? password, CancellationToken cancellationToken)
    {
        Error = !ConsoleRoles.TryParse(role, out var parsed) ? "admin, operator or viewer"
            : await accounts.AddUserAsync(name?.Trim() ?? string.Empty, parsed, password ?? string.Empty, cancellationToken);
        Done = Error is null ? name : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveUserAsync(string? name, CancellationToken cancellationToken)
    {
        Error = string.Equals(name, User.Identity?.Name, StringComparison.Ordinal) ? "you cannot remove yourself"
            : await accounts.Store.RemoveUserAsync(name ?? string.Empty, cancellationToken) ? null : $"there is no user named {name}";
        Done = Error is null ? name : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSetPasswordAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        Error = await accounts.SetPasswordAsync(name ?? string.Empty, password ?? string.Empty, cancellationToken);
        Done = Error is null ? name : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddKeyAsync(string? name, string? role, CancellationToken cancellationToken)
    {
        if (!AccountName.IsValid(name) || !ConsoleRoles.TryParse(role, out var parsed))
        {
            Error = $"{AccountName.Rule}; role admin, operator or viewer";
        }
        else
        {
            var (key, account) = ApiKeys.Create(name!, parsed, time.GetUtcNow());
            Error = await accounts.Store.AddApiKeyAsync(account, cancellationToken) ? null : $"a key named {name} exists already";
            NewKey = Error is null ? key : null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveKeyAsync(string? name, CancellationToken cancellationToken)
    {
        Error = await accounts.Store.RemoveApiKeyAsync(name ?? string.Empty, cancellationToken) ? null : $"there is no key named {name}";
        Done = Error is null ? name : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await accounts.Store.ListUsersAsync(cancellationToken);
        Keys = await accounts.Store.ListApiKeysAsync(cancellationToken);
    }
}
