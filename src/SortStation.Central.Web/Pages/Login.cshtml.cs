using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Localization;
using SortStation.Central.Web.Options;
using SortStation.Central.Web.Security;

namespace SortStation.Central.Web.Pages;

/// <summary>Sign-in: rate-limited per client address (POST only), lock-out after repeated wrong passwords.</summary>
[EnableRateLimiting(AuthServices.LoginRateLimit)]
public sealed class LoginModel(AccountService accounts, SetupGate setup, ConsoleClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await setup.HasUsersAsync(cancellationToken) ? Page() : RedirectToPage("/Setup");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.SignInAsync(Name?.Trim(), Password, cancellationToken);
        switch (result.Outcome)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(ConsoleClaims.CookieScheme, ConsoleClaims.For(result.User!));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                Message = t["Login.Locked", clock.Show(result.LockedUntil!.Value)];
                break;
            default:
                Message = t["Login.Invalid"];
                break;
        }

        Password = null;
        return Page();
    }
}
